import { useEffect, useRef, useState } from 'preact/hooks';
import type { CameraChoice } from '../../../contract/terminal/capture-api';
import { useT } from '../i18n/use-t';
import { closeCamera, grabFrame, openCamera, thumbnail } from './camera';
import { StillnessMeter, toGrey } from './stillness';

type CameraState = 'starting' | 'live' | 'steady' | 'unavailable';

/**
 * The document camera's live view with the frame the paper goes in. When the paper has been
 * still for about a second the photo is taken by itself (once per opening; the button takes
 * one at any time), and handed to `onPhoto`.
 */
export function CameraCapture({ choice, busy, onPhoto }: { choice: CameraChoice; busy: boolean; onPhoto: (jpeg: string) => Promise<void> }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>('starting');
  const taken = useRef(false);
  const busyRef = useRef(busy);
  busyRef.current = busy;

  const take = async () => {
    const element = video.current;
    if (!element || element.videoWidth === 0 || busyRef.current) return;
    taken.current = true;
    await onPhoto(grabFrame(element));
  };

  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const meter = new StillnessMeter();
    const scratch = document.createElement('canvas');
    openCamera(choice).then(
      (opened) => {
        if (stopped) return closeCamera(opened);
        stream = opened;
        const element = video.current;
        if (!element) return;
        element.srcObject = opened;
        void element.play().catch(() => undefined);
        setState('live');
        timer = setInterval(() => {
          const pixels = thumbnail(element, scratch);
          if (!pixels || taken.current || busyRef.current) return;
          if (meter.push(toGrey(pixels))) {
            setState('steady');
            void take();
          }
        }, 250);
      },
      () => !stopped && setState('unavailable'),
    );
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      closeCamera(stream);
    };
  }, [choice.label, choice.width, choice.height]);

  if (state === 'unavailable') {
    return (
      <p class="problem" role="alert" data-testid="camera-unavailable">
        <span aria-hidden="true">⚠ </span>
        {t('camera.unavailable')}
      </p>
    );
  }
  return (
    <section class="camera-capture" aria-labelledby="camera-title" data-testid="camera" data-state={state}>
      <h2 id="camera-title">{t('camera.title')}</h2>
      <p class="lead">{t('camera.place')}</p>
      <div class="camera-view">
        <video ref={video} class="camera-preview" muted playsInline aria-label={t('camera.previewLabel')} />
        <div class="camera-guide" aria-hidden="true" />
      </div>
      <p role="status">{state === 'starting' ? t('camera.starting') : state === 'steady' ? t('camera.steady') : t('camera.hold')}</p>
      <button type="button" class="button primary main-action" disabled={busy || state === 'starting'} onClick={() => void take()}>
        {t('camera.take')}
      </button>
    </section>
  );
}
