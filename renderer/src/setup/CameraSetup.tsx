import { useEffect, useRef, useState } from 'preact/hooks';
import type { DevicesConfig } from '../../../contract/terminal/devices';
import { closeCamera, grabFrame, openCamera } from '../capture/camera';
import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';

type Camera = NonNullable<DevicesConfig['camera']>;
/** What document cameras commonly offer: 1080p, 1440p, 5 MP and 8 MP. */
const RESOLUTIONS: [number, number][] = [
  [1920, 1080],
  [2560, 1440],
  [2592, 1944],
  [3264, 2448],
];

/**
 * The technician's document-camera section: which camera (by its name), at which resolution,
 * and a test capture that says whether the paper's edges are found.
 */
export function CameraSetup({ camera, onChange }: { camera: Camera | undefined; onChange: (camera: Camera | undefined) => void }) {
  const t = useT();
  const api = useApi();
  const video = useRef<HTMLVideoElement>(null);
  const [names, setNames] = useState<string[] | null>(null);
  const [result, setResult] = useState<string | null>(null);

  useEffect(() => {
    if (!camera) return undefined;
    let stream: MediaStream | undefined;
    let stopped = false;
    openCamera({ label: camera.label, width: camera.width, height: camera.height }).then(
      async (opened) => {
        if (stopped) return closeCamera(opened);
        stream = opened;
        if (video.current) {
          video.current.srcObject = opened;
          void video.current.play().catch(() => undefined);
        }
        const devices = await navigator.mediaDevices.enumerateDevices();
        setNames(devices.filter((d) => d.kind === 'videoinput').map((d) => d.label));
      },
      () => setNames([]),
    );
    return () => {
      stopped = true;
      closeCamera(stream);
    };
  }, [camera?.label, camera?.width, camera?.height]);

  const test = async () => {
    if (!video.current || video.current.videoWidth === 0) return;
    const answer = await api.call('setup.testCamera', { image: grabFrame(video.current) });
    setResult(`${answer.found ? t('setup.camera.found') : t('setup.camera.notFound')} (${answer.width} × ${answer.height})`);
  };

  return (
    <section class="setup-role" aria-labelledby="role-camera" data-testid="setup-camera">
      <h2 id="role-camera">{t('setup.camera.title')}</h2>
      <label>
        <input type="checkbox" checked={camera !== undefined} onChange={(e) => onChange((e.target as HTMLInputElement).checked ? { transport: 'uvc', width: 1920, height: 1080 } : undefined)} />{' '}
        {t('camera.useCamera')}
      </label>
      {camera && (
        <>
          <label>
            {t('setup.camera.device')}{' '}
            <select value={camera.label ?? ''} onChange={(e) => onChange({ ...camera, label: (e.target as HTMLSelectElement).value || undefined })}>
              {(names ?? []).map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          {names?.length === 0 && <p class="problem">{t('setup.camera.none')}</p>}
          <label>
            {t('setup.camera.resolution')}{' '}
            <select
              value={`${camera.width}x${camera.height}`}
              onChange={(e) => {
                const [width, height] = (e.target as HTMLSelectElement).value.split('x').map(Number) as [number, number];
                onChange({ ...camera, width, height });
              }}
            >
              {RESOLUTIONS.map(([w, h]) => (
                <option key={`${w}x${h}`} value={`${w}x${h}`}>
                  {w} × {h}
                </option>
              ))}
            </select>
          </label>
          <video ref={video} class="camera-preview setup-camera-preview" muted playsInline aria-label={t('camera.previewLabel')} />
          <button type="button" class="button secondary" onClick={() => void test()}>
            {t('setup.camera.test')}
          </button>
          {result && <p role="status">{result}</p>}
        </>
      )}
    </section>
  );
}
