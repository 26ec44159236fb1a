import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

type Component<P> = (props: P) => JSX.Element | null;

/**
 * A component whose code loads on first use, so the kiosk's first screens stay light: the
 * keyboard with its pinyin dictionary, the counter's desk, the wall display.
 */
export function lazy<P extends object>(load: () => Promise<Component<P>>, placeholder: () => JSX.Element | null = () => null): Component<P> {
  let loaded: Component<P> | undefined;
  return function Lazy(props: P) {
    const [component, setComponent] = useState<Component<P> | undefined>(() => loaded);
    useEffect(() => {
      if (component) return;
      void load().then((c) => {
        loaded = c;
        setComponent(() => c);
      });
    }, [component]);
    const Loaded = component;
    return Loaded ? <Loaded {...props} /> : placeholder();
  };
}
