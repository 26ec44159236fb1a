#!/usr/bin/env bash
# Locks a Debian/Ubuntu machine down around the Tongban kiosk (see README.md next to this file).
# Run once, as root, after installing the Tongban .deb:
#   sudo bash setup-kiosk.sh [--config /etc/tongban/terminal.json] [--allow-usb-storage] [--chromium-host [--host-dir DIR]]
# Idempotent: running it again rewrites the same files.
set -euo pipefail

app=/opt/Tongban/tongban
user=tongban
config=/etc/tongban/terminal.json
block_usb_storage=yes
shell=electron
host_dir=/opt/tongban/current

while [ $# -gt 0 ]; do
  case "$1" in
    --config) config="$2"; shift 2 ;;
    --allow-usb-storage) block_usb_storage=no; shift ;;
    --chromium-host) shell=chromium; shift ;;
    --host-dir) host_dir="$2"; shift 2 ;;
    *) echo "setup-kiosk: unknown option $1" >&2; exit 2 ;;
  esac
done

[ "$(id -u)" -eq 0 ] || { echo "setup-kiosk: run as root" >&2; exit 1; }
if [ "$shell" = electron ]; then
  [ -x "$app" ] || { echo "setup-kiosk: $app not found: install the Tongban .deb first (or pass --chromium-host)" >&2; exit 1; }
else
  [ -f "$host_dir/bin/tongban.js" ] || { echo "setup-kiosk: $host_dir/bin/tongban.js not found: unpack a Chromium-host release there first" >&2; exit 1; }
fi
[ -f "$config" ] || { echo "setup-kiosk: no terminal configuration at $config (check it with: tongban config validate FILE)" >&2; exit 1; }

echo "setup-kiosk: installing the compositor"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends cage >/dev/null

echo "setup-kiosk: dedicated user $user"
if ! id "$user" >/dev/null 2>&1; then
  useradd --create-home --shell /usr/sbin/nologin --comment "Tongban kiosk" "$user"
fi
passwd --lock "$user" >/dev/null
for group in dialout lp scanner video render input; do
  getent group "$group" >/dev/null && usermod -aG "$group" "$user"
done

echo "setup-kiosk: the kiosk service on tty1"
cat > /etc/pam.d/tongban-kiosk <<'EOF'
auth     required pam_unix.so nullok
account  required pam_unix.so
session  required pam_unix.so
session  required pam_systemd.so
EOF

cat > /etc/systemd/system/tongban-kiosk.service <<EOF
[Unit]
Description=Tongban kiosk (cage on tty1)
After=systemd-user-sessions.service plymouth-quit-wait.service dbus.socket systemd-logind.service getty@tty1.service
Wants=dbus.socket systemd-logind.service
Conflicts=getty@tty1.service
ConditionPathExists=/dev/tty1
StartLimitIntervalSec=0

[Service]
Type=simple
User=$user
PAMName=tongban-kiosk
TTYPath=/dev/tty1
TTYReset=yes
TTYVHangup=yes
TTYVTDisallocate=yes
StandardInput=tty-fail
StandardOutput=journal
StandardError=journal
UtmpIdentifier=tty1
UtmpMode=user
Environment=TONGBAN_CONFIG=$config
# cage without -s: no VT switching. -d: no client-side decorations.
ExecStart=/usr/bin/cage -d -- $app --ozone-platform=wayland
Restart=always
RestartSec=2

[Install]
WantedBy=graphical.target
EOF

# The Chromium host (where no Electron build runs): the same lock-down, with systemd's watchdog
# on the terminal process itself. --chromium-host picks it instead of the Electron app.
here=$(dirname "$(readlink -f "$0")")
sed -e "s#@APP_DIR@#$host_dir#g" -e "s#@CONFIG@#$config#g" -e "s#@USER@#$user#g" "$here/tongban-host.service" > /etc/systemd/system/tongban-host.service

echo "setup-kiosk: no other consoles, no Ctrl+Alt+Del, no SysRq, no power key"
mkdir -p /etc/systemd/logind.conf.d /etc/systemd/system.conf.d
cat > /etc/systemd/logind.conf.d/kiosk.conf <<'EOF'
[Login]
NAutoVTs=0
ReserveVT=0
HandlePowerKey=ignore
HandleSuspendKey=ignore
HandleHibernateKey=ignore
HandleLidSwitch=ignore
EOF
for tty in 2 3 4 5 6; do systemctl mask "getty@tty$tty.service" >/dev/null 2>&1 || true; done
systemctl mask ctrl-alt-del.target >/dev/null
echo 'kernel.sysrq = 0' > /etc/sysctl.d/90-kiosk.conf
sysctl -q -p /etc/sysctl.d/90-kiosk.conf

echo "setup-kiosk: hardware watchdog fed by systemd"
cat > /etc/systemd/system.conf.d/kiosk-watchdog.conf <<'EOF'
[Manager]
RuntimeWatchdogSec=30s
RebootWatchdogSec=5min
EOF

if [ "$block_usb_storage" = yes ]; then
  echo "setup-kiosk: USB mass storage blocked (--allow-usb-storage to keep it)"
  echo 'install usb-storage /bin/false' > /etc/modprobe.d/kiosk.conf
else
  rm -f /etc/modprobe.d/kiosk.conf
fi

if [ -f /etc/default/grub ] && ! grep -q 'consoleblank=0' /etc/default/grub; then
  echo "setup-kiosk: console blanking off"
  sed -i 's/^GRUB_CMDLINE_LINUX_DEFAULT="\(.*\)"/GRUB_CMDLINE_LINUX_DEFAULT="\1 consoleblank=0"/' /etc/default/grub
  command -v update-grub >/dev/null && update-grub >/dev/null 2>&1
fi

systemctl daemon-reload
systemctl set-default graphical.target >/dev/null
systemctl disable --now display-manager.service >/dev/null 2>&1 || true
if [ "$shell" = electron ]; then
  systemctl disable tongban-host.service >/dev/null 2>&1 || true
  systemctl enable tongban-kiosk.service >/dev/null
else
  systemctl disable tongban-kiosk.service >/dev/null 2>&1 || true
  systemctl enable tongban-host.service >/dev/null
fi

# The Chromium host (where the Electron shell is not used): no browser UI over the kiosk, by policy.
mkdir -p /etc/chromium/policies/managed
cat > /etc/chromium/policies/managed/tongban-kiosk.json <<'POLICY'
{
  "TranslateEnabled": false,
  "ApplicationLocaleValue": "zh-CN",
  "PasswordManagerEnabled": false,
  "DefaultNotificationsSetting": 2,
  "DefaultGeolocationSetting": 2,
  "PromptForDownloadLocation": false,
  "DownloadRestrictions": 3,
  "BrowserSignin": 0,
  "SyncDisabled": true,
  "HideWebStoreIcon": true,
  "DeveloperToolsAvailability": 2,
  "PrintingEnabled": false,
  "SpellcheckEnabled": false,
  "AutofillAddressEnabled": false,
  "AutofillCreditCardEnabled": false
}
POLICY

echo "setup-kiosk: done; reboot to start the kiosk (systemctl reboot)"
