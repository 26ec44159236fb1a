import { describe, expect, it } from 'vitest';
import { loadNativeLibrary } from '../../../main/native/load-library';

describe('loadNativeLibrary', () => {
  it('opens the first name the dynamic loader finds', () => {
    const libc = loadNativeLibrary('libc', ['libtongban-none.so.9', 'libc.so.6']);
    const strlen = libc.func('size_t strlen(const char *s)') as (s: string) => number | bigint;
    expect(Number(strlen('通办'))).toBe(6);
  });

  it('names every file it tried when none is there', () => {
    expect(() => loadNativeLibrary('libnothing', ['libnothing.so.1', 'libnothing.so'])).toThrow(/^libnothing not found \(libnothing\.so\.1, libnothing\.so\): /);
  });
});
