import type { CameraChoice } from '../../../contract/terminal/capture-api';

/**
 * Opens the document camera the technician chose: by part of its name when one is set (names
 * are listed only once a camera has been opened, so the first one is opened to learn them), at
 * the chosen resolution. Video only.
 */
export async function openCamera(choice: CameraChoice): Promise<MediaStream> {
  const size = { width: { ideal: choice.width }, height: { ideal: choice.height } };
  const first = await navigator.mediaDevices.getUserMedia({ video: size, audio: false });
  if (!choice.label) return first;
  const wanted = choice.label.toLowerCase();
  const cameras = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
  const match = cameras.find((d) => d.label.toLowerCase().includes(wanted));
  const current = first.getVideoTracks()[0]?.getSettings().deviceId;
  if (!match || match.deviceId === current) return first;
  for (const track of first.getTracks()) track.stop();
  return navigator.mediaDevices.getUserMedia({ video: { ...size, deviceId: { exact: match.deviceId } }, audio: false });
}

export function closeCamera(stream: MediaStream | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/** The current frame at the camera's full resolution, as the JPEG `capture.photo` takes. */
export function grabFrame(video: HTMLVideoElement, quality = 0.9): string {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d')?.drawImage(video, 0, 0);
  return canvas.toDataURL('image/jpeg', quality);
}

/** A 64-pixel-wide greyscale thumbnail's RGBA, for the stillness meter. */
export function thumbnail(video: HTMLVideoElement, canvas: HTMLCanvasElement): Uint8ClampedArray | undefined {
  if (video.videoWidth === 0) return undefined;
  canvas.width = 64;
  canvas.height = Math.max(1, Math.round((64 * video.videoHeight) / video.videoWidth));
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return undefined;
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  return context.getImageData(0, 0, canvas.width, canvas.height).data;
}
