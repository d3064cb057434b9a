#!/usr/bin/env bash
# Prepares podman on a CI machine without a Docker engine or registry access (sourced by
# container.sh): the runtime and ulimits this kind of host needs, and a Node base image made
# from the host's own node binary, so the real Dockerfile builds with
# --build-arg NODE_IMAGE=$KG_BASE_IMAGE.

# crun fails on hybrid cgroup hosts and neither runtime may raise rlimits here: runc with
# explicit ulimits (see the issue "Run it where clusters are").
configure_podman() {
  local conf=/etc/containers/containers.conf
  mkdir -p /etc/containers
  if ! grep -q '^runtime *= *"runc"' "$conf" 2>/dev/null; then
    cat >>"$conf" <<'CONF'

[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

[engine]
runtime = "runc"
CONF
  fi
}

# A base image with no registry: the host's node, npm, /bin/sh and the few tools pnpm's bin
# shims call (env, dirname, sed, uname), with the libraries ldd lists, the host's CA bundle (this network's egress proxy re-signs TLS) and /etc/passwd.
make_base_image() {
  local tag=$1 root
  if podman image exists "$tag"; then return 0; fi
  root=$(mktemp -d)
  mkdir -p "$root"/{bin,usr/bin,usr/lib/node_modules,etc/ssl/certs,tmp,root,home/node}
  local tools="/usr/bin/node /usr/bin/env /usr/bin/dirname /bin/sed /bin/uname" tool lib
  for tool in $tools; do cp "$tool" "$root/usr/bin/"; done
  cp /bin/dash "$root/bin/sh"
  for lib in $(ldd $tools /bin/dash | grep -v ':$' | grep -o '/[^ )]*'); do
    cp --parents -L "$lib" "$root"
  done
  # The rest of glibc that a Debian slim image has and native npm modules link (rolldown
  # needs librt).
  local libdir
  libdir=$(dirname "$(ldd /usr/bin/node | grep -o '/[^ ]*/libc\.so\.6')")
  for lib in librt.so.1 libresolv.so.2 libutil.so.1; do
    cp --parents -L "$libdir/$lib" "$root"
  done
  cp -a "$(dirname "$(readlink -f /usr/bin/npm)")/.." "$root/usr/lib/node_modules/npm"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/bin/npm"
  cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/"
  printf 'root:x:0:0:root:/root:/bin/sh\nnode:x:1000:1000::/home/node:/bin/sh\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnode:x:1000:\n' >"$root/etc/group"
  chmod 1777 "$root/tmp"
  chown 1000:1000 "$root/home/node"
  tar -C "$root" -c . | podman import \
    --change 'ENV PATH=/usr/bin:/bin' \
    --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
    --change 'CMD ["node"]' - "$tag" >/dev/null
  rm -rf "$root"
}
