# AppArmor profile for the Stillroom deb (Ubuntu 24.04+ blocks unprivileged user namespaces, which
# Chromium's sandbox needs, for programs without a profile). electron-builder fills in the names
# and the package's after-install script loads it where AppArmor understands abi/4.0.
abi <abi/4.0>,
include <tunables/global>

profile "${executable}" "/opt/${sanitizedProductName}/${executable}" flags=(unconfined) {
  userns,

  # Site-specific additions and overrides. See local/README for details.
  include if exists <local/${executable}>
}
