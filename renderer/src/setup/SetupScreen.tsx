import { useEffect, useState } from 'preact/hooks';
import type { DeviceTestResult, PortList } from '../../../contract/terminal/api';
import type { DevicesConfig } from '../../../contract/terminal/devices';
import type { MessageKey } from '../i18n';
import { CameraSetup } from './CameraSetup';
import { useT } from '../i18n/use-t';
import { TerminalApiError } from '../api/client';
import { useApi } from '../state/api-context';
import { screen } from '../state/store';
import { BAUD_RATES, DEFAULT_BAUD_RATE, type BaudRate } from '../../../contract/terminal/baud-rates';
import { DeviceStateLine, useLiveDeviceStates } from './live-device-states';

type SingleRole = 'idcard' | 'a4Printer' | 'receiptPrinter' | 'scanner';
type AnyDevice = NonNullable<DevicesConfig[SingleRole]> | DevicesConfig['qr'][number];

const TRANSPORTS: Record<SingleRole | 'qr', string[]> = {
  idcard: ['serial', 'hid', 'simulator'],
  qr: ['serial', 'hid', 'keyboard-wedge', 'simulator'],
  a4Printer: ['ipp', 'simulator'],
  receiptPrinter: ['serial', 'simulator'],
  scanner: ['sane', 'escl', 'simulator'],
};

/** A fresh device of a transport, with the fields the schema requires. */
function blank(transport: string, ports: PortList | null): AnyDevice {
  switch (transport) {
    case 'serial':
      return { transport: 'serial', path: ports?.serial[0]?.path ?? '', baudRate: DEFAULT_BAUD_RATE };
    case 'hid':
      return { transport: 'hid', vendorId: ports?.hid[0]?.vendorId ?? 0, productId: ports?.hid[0]?.productId ?? 0 };
    case 'ipp':
      return { transport: 'ipp', url: 'ipp://127.0.0.1:631/printers/' };
    case 'sane':
      return { transport: 'sane', device: 'test' };
    case 'escl':
      return { transport: 'escl', url: 'http://127.0.0.1/eSCL' };
    case 'keyboard-wedge':
      return { transport: 'keyboard-wedge' };
    default:
      return { transport: 'simulator' };
  }
}

function DeviceEditor({ device, transports, ports, onChange }: { device: AnyDevice | undefined; transports: string[]; ports: PortList | null; onChange: (d: AnyDevice | undefined) => void }) {
  const t = useT();
  const transport = device?.transport ?? 'none';
  return (
    <div class="device-editor">
      <label>
        {t('setup.transport')}
        <select value={transport} onChange={(e) => {
          const value = (e.target as HTMLSelectElement).value;
          onChange(value === 'none' ? undefined : blank(value, ports));
        }}>
          <option value="none">{t('setup.transport.none')}</option>
          {transports.map((tr) => (
            <option key={tr} value={tr}>
              {t(`setup.transport.${tr}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      {device && 'path' in device && device.transport === 'serial' && (
        <>
          <label>
            {t('setup.port')}
            <input list="serial-ports" value={device.path} onInput={(e) => onChange({ ...device, path: (e.target as HTMLInputElement).value })} />
          </label>
          <label>
            {t('setup.baudRate')}
            <select value={String(device.baudRate)} onChange={(e) => onChange({ ...device, baudRate: Number((e.target as HTMLSelectElement).value) as BaudRate })}>
              {BAUD_RATES.map((b) => (
                <option key={b} value={String(b)}>
                  {b}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      {device?.transport === 'hid' && (
        <label>
          {t('setup.vendorProduct')}
          <select
            value={`${device.vendorId}:${device.productId}`}
            onChange={(e) => {
              const [v, p] = (e.target as HTMLSelectElement).value.split(':').map(Number);
              onChange({ ...device, vendorId: v ?? 0, productId: p ?? 0 });
            }}
          >
            <option value={`${device.vendorId}:${device.productId}`}>
              {device.vendorId.toString(16).padStart(4, '0')}:{device.productId.toString(16).padStart(4, '0')}
            </option>
            {(ports?.hid ?? []).map((h) => (
              <option key={`${h.vendorId}:${h.productId}:${h.path ?? ''}`} value={`${h.vendorId}:${h.productId}`}>
                {h.vendorId.toString(16).padStart(4, '0')}:{h.productId.toString(16).padStart(4, '0')} {h.product ?? ''}
              </option>
            ))}
          </select>
        </label>
      )}
      {(device?.transport === 'ipp' || device?.transport === 'escl') && (
        <label>
          {t('setup.url')}
          <input value={device.url} onInput={(e) => onChange({ ...device, url: (e.target as HTMLInputElement).value })} />
        </label>
      )}
      {device?.transport === 'sane' && (
        <label>
          {t('setup.device')}
          <input value={device.device} onInput={(e) => onChange({ ...device, device: (e.target as HTMLInputElement).value })} />
        </label>
      )}
    </div>
  );
}

/** "Test" for one role: the steps with their times as the terminal ran them; the ID number comes masked. */
function DeviceTest({ role }: { role: string }) {
  const t = useT();
  const api = useApi();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<DeviceTestResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async () => {
    setRunning(true);
    setResult(null);
    setFailure(null);
    try {
      setResult(await api.call('setup.testDevice', { role }));
    } catch (error) {
      setFailure(t('setup.testCallFailed', { reason: error instanceof TerminalApiError ? error.message : String(error) }));
    } finally {
      setRunning(false);
    }
  };
  return (
    <div class="device-test" data-testid={`device-test-${role}`}>
      <button type="button" class="button secondary" disabled={running} onClick={() => void run()} title={t('setup.testNote')}>
        {running ? t('setup.testing') : t('setup.test')}
      </button>
      {result && (
        <div role="status">
          <ol class="plain-list">
            {result.steps.map((step, i) => (
              <li key={i} class={step.ok ? 'note' : 'problem'}>
                {step.ok ? '✓' : '✗'} {step.name} — {step.ms} ms{step.detail ? `: ${step.detail}` : ''}
              </li>
            ))}
          </ol>
          <p class={result.ok ? 'note' : 'problem'}>
            {result.ok ? t('setup.testOk') : t('setup.testFailed')}: {result.summary}
          </p>
        </div>
      )}
      {failure && (
        <p class="problem" role="status">
          {failure}
        </p>
      )}
    </div>
  );
}

/** The technician's screen: ports the OS sees, a device for each role, saved through the schema. */
export function SetupScreen() {
  const t = useT();
  const api = useApi();
  const [ports, setPorts] = useState<PortList | null>(null);
  const [devices, setDevices] = useState<DevicesConfig | null>(null);
  const [file, setFile] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const states = useLiveDeviceStates();

  const refreshPorts = () => void api.call('setup.ports', {}).then(setPorts);
  useEffect(() => {
    refreshPorts();
    void api.call('setup.devices', {}).then((r) => {
      setDevices(r.devices);
      setFile(r.file);
    });
  }, [api]);

  const exit = () => void api.call('setup.lock', {}).then(() => (screen.value = 'attract'));
  const save = async () => {
    if (!devices) return;
    try {
      const result = await api.call('setup.saveDevices', { devices });
      setMessage({ ok: true, text: t('setup.saved', { file: result.file }) });
    } catch (error) {
      setMessage({ ok: false, text: t('setup.saveFailed', { reason: error instanceof TerminalApiError ? error.message : String(error) }) });
    }
  };
  const single = (role: SingleRole) => (
    <section key={role} class="setup-role" aria-labelledby={`role-${role}`}>
      <h2 id={`role-${role}`}>{t(`setup.role.${role}`)}</h2>
      <DeviceStateLine role={role} states={states} />
      <DeviceEditor
        device={devices?.[role]}
        transports={TRANSPORTS[role]}
        ports={ports}
        onChange={(d) => devices && setDevices({ ...devices, [role]: d })}
      />
      {role === 'idcard' && devices?.idcard?.transport === 'hid' && (
        <p class="note" role="note" data-testid="hid-experimental">
          {/* A reader just switched to HID in the editor has no model until saved: the schema's default then applies. */}
          {t('setup.hidExperimental', { model: devices.idcard.model ?? 'tongban-v1' })}
        </p>
      )}
      <DeviceTest role={role} />
    </section>
  );

  return (
    <main class="screen setup" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setup.title')}</h1>
      <p>
        {t('setup.configFile')}: <code>{file}</code>
      </p>
      <section aria-labelledby="ports-title" class="setup-ports">
        <h2 id="ports-title">
          {t('setup.serialPorts')} / {t('setup.hidDevices')}
        </h2>
        <button type="button" class="button secondary" onClick={refreshPorts}>
          {t('setup.refreshPorts')}
        </button>
        <ul class="plain-list" data-testid="serial-ports">
          {(ports?.serial ?? []).map((p) => (
            <li key={p.path}>
              <code>{p.path}</code> {p.manufacturer ?? ''} {p.vendorId ? `${p.vendorId}:${p.productId ?? ''}` : ''}
            </li>
          ))}
          {ports && ports.serial.length === 0 && <li>{t('setup.noPorts')}</li>}
        </ul>
        <ul class="plain-list" data-testid="hid-devices">
          {(ports?.hid ?? []).map((h) => (
            <li key={`${h.vendorId}:${h.productId}:${h.path ?? ''}`}>
              <code>
                {h.vendorId.toString(16).padStart(4, '0')}:{h.productId.toString(16).padStart(4, '0')}
              </code>{' '}
              {h.manufacturer ?? ''} {h.product ?? ''}
            </li>
          ))}
        </ul>
        <datalist id="serial-ports">
          {(ports?.serial ?? []).map((p) => (
            <option key={p.path} value={p.path} />
          ))}
        </datalist>
      </section>
      {devices && (
        <>
          {single('idcard')}
          <section class="setup-role" aria-labelledby="role-qr">
            <h2 id="role-qr">{t('setup.role.qr')}</h2>
            {devices.qr.map((device, index) => (
              <div key={index} class="device-row">
                <DeviceEditor
                  device={device}
                  transports={TRANSPORTS.qr}
                  ports={ports}
                  onChange={(d) => setDevices({ ...devices, qr: devices.qr.flatMap((q, i) => (i !== index ? [q] : d ? [d as DevicesConfig['qr'][number]] : [])) })}
                />
                <DeviceStateLine role={`qr${index + 1}`} states={states} />
                <DeviceTest role={`qr${index + 1}`} />
              </div>
            ))}
            <button type="button" class="button secondary" onClick={() => setDevices({ ...devices, qr: [...devices.qr, { transport: 'keyboard-wedge' }] })}>
              {t('setup.addQr')}
            </button>
          </section>
          {single('a4Printer')}
          {single('receiptPrinter')}
          {single('scanner')}
          <CameraSetup camera={devices.camera} onChange={(camera) => setDevices({ ...devices, camera })} />
        </>
      )}
      {message && (
        <p class={message.ok ? 'note' : 'problem'} role="status">
          {message.text}
        </p>
      )}
      <div class="form-actions">
        <button type="button" class="button secondary main-action" onClick={exit}>
          {t('setup.lockAndExit')}
        </button>
        <button type="button" class="button primary main-action" onClick={() => void save()}>
          {t('setup.save')}
        </button>
      </div>
    </main>
  );
}
