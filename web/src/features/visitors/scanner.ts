/**
 * QR codes from the device camera: the browser's own BarcodeDetector where there is one (Chrome on
 * Android, ChromeOS, macOS), else ZXing (@zxing/browser, loaded only when needed: Safari, Firefox).
 * Resolves to a stop function; rejects when no camera can be used.
 */
interface Detector {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
interface DetectorClass {
  new (options: { formats: string[] }): Detector;
  getSupportedFormats?: () => Promise<string[]>;
}

export async function startScanning(video: HTMLVideoElement, onText: (text: string) => void): Promise<() => void> {
  const native = await nativeDetector();
  if (native) {
    return scanNatively(video, native, onText);
  }
  const { BrowserQRCodeReader } = await import('@zxing/browser');
  const reader = new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 200 });
  const controls = await reader.decodeFromConstraints(
    { video: { facingMode: 'environment' } }, video, (result) => { if (result) onText(result.getText()); },
  );
  return () => controls.stop();
}

async function nativeDetector(): Promise<Detector | null> {
  const Klass = (globalThis as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (!Klass) {
    return null;
  }
  try {
    const formats = Klass.getSupportedFormats ? await Klass.getSupportedFormats() : ['qr_code'];
    return formats.includes('qr_code') ? new Klass({ formats: ['qr_code'] }) : null;
  } catch {
    return null;
  }
}

async function scanNatively(video: HTMLVideoElement, detector: Detector, onText: (text: string) => void): Promise<() => void> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  video.srcObject = stream;
  video.muted = true;
  video.playsInline = true;
  await video.play();
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async () => {
    if (stopped) return;
    try {
      const found = video.readyState >= 2 ? await detector.detect(video) : [];
      if (found.length > 0 && !stopped) {
        onText(found[0].rawValue);
      }
    } catch {
      // a frame that cannot be read: try the next
    }
    timer = setTimeout(tick, 200);
  };
  void tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
    stream.getTracks().forEach((track) => track.stop());
    video.srcObject = null;
  };
}
