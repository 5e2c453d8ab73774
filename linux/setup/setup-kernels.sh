#!/usr/bin/env bash
# Prepares real Linux kernels for uapispec's kernel backend, from Debian's packages only:
#   1. installs what it needs (QEMU, busybox, cpio, xz, zstd, kmod, gcc, the DRM uAPI headers) when
#      something is missing,
#   2. per kernel era, resolves the era's kernel through a private apt configuration (the system's
#      sources are never changed), downloads and unpacks it, and generates its module dependencies,
#   3. builds the guest agent (static) and one initramfs per kernel: busybox, the agent, and the
#      DRM and dma-buf modules with everything they depend on.
# Kernels are cached by resolved package version, initramfs images by kernel, agent and module
# list; a second run reuses both. Every part prints what it does and how long it took.
#
# Usage: setup-kernels.sh [--cache DIR] [--refresh] [ERA...]   ERA: 5.10 6.1 6.12 7.2 (default: all four);
#        a comma-separated list (6.1,6.12) counts as its eras, as uapispec.kernels writes them
# --refresh fetches the package lists even when they are less than a day old.
# Writes DIR/kernels.tsv, one line per prepared kernel (those of earlier runs stay): era, kernel
# release (uname -r), package, package version, vmlinuz, initrd.
set -euo pipefail
shopt -s nullglob

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cache=${UAPISPEC_KERNEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/uapispec/kernels}
eras=()
refresh=
while [ $# -gt 0 ]; do
    case $1 in
        --refresh) refresh=1; shift ;;
        --cache) cache=$2; shift 2 ;;
        --cache=*) [ -z "${1#--cache=}" ] || cache=${1#--cache=}; shift ;;  # empty: the default
        -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
        5.10|6.1|6.12|7.2) eras+=("$1"); shift ;;
        *,*) IFS=, read -r -a listed <<< "$1"; shift; set -- "${listed[@]}" "$@" ;;
        *) echo "setup-kernels: unknown argument '$1' (eras: 5.10 6.1 6.12 7.2; options: --cache DIR, --refresh)" >&2; exit 2 ;;
    esac
done
[ ${#eras[@]} -gt 0 ] || eras=(5.10 6.1 6.12 7.2)
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)

now() { date +%s%N; }
seconds() { local tenths=$(( ($(now) - $1) / 100000000 )); echo "$((tenths / 10)).$((tenths % 10)) s"; }
started=$(now)
part_started=
part() { part_started=$(now); printf 'setup-kernels: %s ... ' "$1"; }
done_part() { echo "${1:-done} ($(seconds "$part_started"))"; }
die() { echo; echo "setup-kernels: $*" >&2; exit 1; }

# --- 1. packages -----------------------------------------------------------------------------
# The command each Debian package provides; busybox must be the static build (it runs in the guest).
declare -A provides=([qemu-system-x86_64]=qemu-system-x86 [cpio]=cpio [xz]=xz-utils [zstd]=zstd
    [depmod]=kmod [gcc]=gcc [dpkg-deb]=dpkg)
missing=()
for command in "${!provides[@]}"; do
    command -v "$command" >/dev/null 2>&1 || missing+=("${provides[$command]}")
done
dpkg-query -W -f='${Status}' busybox-static 2>/dev/null | grep -q 'ok installed' || missing+=(busybox-static)
[ -e /usr/lib/x86_64-linux-gnu/libc.a ] || missing+=(libc6-dev)
# The kernel's DRM uAPI headers, which AbiTest checks the Java side's struct layouts against.
[ -e /usr/include/libdrm/drm.h ] || missing+=(libdrm-dev)
if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || { echo "setup-kernels: missing packages: ${missing[*]}; run as root, or: apt-get install ${missing[*]}" >&2; exit 1; }
    part "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    done_part
else
    part "packages"; done_part "all present"
fi

# --- 2. kernels --------------------------------------------------------------------------------
# The archive hosts the system itself uses (its mirror and its security mirror), read from its
# sources; other suites are reached through them with a private configuration.
mirror= security=
for uri in $(grep -hoE '^(URIs:|deb(-src)?( \[[^]]*\])?) *[a-z]+://[^ ]+' /etc/apt/sources.list /etc/apt/sources.list.d/*.sources \
        /etc/apt/sources.list.d/*.list 2>/dev/null | grep -oE '[a-z]+://[^ ]+'); do
    case $uri in
        *debian-security*) [ -n "$security" ] || security=${uri%/} ;;
        */debian|*/debian/) [ -n "$mirror" ] || mirror=${uri%/} ;;
    esac
done
mirror=${mirror:-http://deb.debian.org/debian}
security=${security:-http://deb.debian.org/debian-security}
keyring=/usr/share/keyrings/debian-archive-keyring.gpg

suites_of() {
    case $1 in
        5.10) echo "$mirror bullseye|$security bullseye-security" ;;
        6.1) echo "$mirror bookworm|$security bookworm-security" ;;
        6.12) echo "$mirror trixie|$security trixie-security" ;;
        7.2) echo "$mirror sid" ;;
    esac
}

apt_opts() {
    local dir=$cache/apt/$1
    echo "-o Dir::Etc::SourceList=$dir/sources.list -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists=$dir/lists
          -o Dir::Cache=$dir/cache -o Dir::Cache::pkgcache=pkgcache.bin -o Dir::Cache::srcpkgcache=srcpkgcache.bin
          -o Dir::State::status=/dev/null -o APT::Get::List-Cleanup=0 -o Debug::NoLocking=1 -o APT::Sandbox::User=root"
}

tsv=$cache/kernels.tsv.new
: > "$tsv"
for era in "${eras[@]}"; do
    dir=$cache/apt/$era
    mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial"
    IFS='|' read -ra entries <<< "$(suites_of "$era")"
    for entry in "${entries[@]}"; do
        echo "deb [signed-by=$keyring] ${entry% *} ${entry#* } main"
    done > "$dir/sources.list"
    opts=$(apt_opts "$era")

    # Package lists younger than a day are used as they are (--refresh fetches them anyway).
    part "$era: package lists"
    if [ -z "$refresh" ] && [ -n "$(find "$dir/lists" -maxdepth 1 -name '*_Packages*' -mmin -1440 2>/dev/null | head -1)" ] \
            && cmp -s "$dir/sources.list" "$dir/sources.list.used"; then
        done_part "cached"
    else
        # shellcheck disable=SC2086
        apt-get -qq -o Acquire::Retries=3 $opts update || die "apt-get update for $era failed (suites: $(suites_of "$era"))"
        cp "$dir/sources.list" "$dir/sources.list.used"
        done_part
    fi

    # The era's meta package names the current kernel of the suite: pin through it, record what it
    # gave. The answer is kept with the lists it came from (apt-cache takes seconds on sid's).
    if [ "$(cat "$dir/resolved.lists" 2>/dev/null)" != "$(ls -l --time-style=+%s "$dir"/lists/*_Packages* 2>/dev/null)" ]; then
        # shellcheck disable=SC2086
        image=$(apt-cache $opts depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/ {print $2}' | head -1)
        [ -n "$image" ] || die "$era: linux-image-amd64 names no kernel image"
        # shellcheck disable=SC2086
        version=$(apt-cache $opts show --no-all-versions "$image" | awk '/^Version:/ {print $2}' | head -1)
        echo "$image $version" > "$dir/resolved"
        ls -l --time-style=+%s "$dir"/lists/*_Packages* > "$dir/resolved.lists"
    fi
    read -r image version < "$dir/resolved"
    key=${image}_${version}
    kernel_dir=$cache/$key
    if [ -e "$kernel_dir/ready" ]; then
        part "$era: $image $version"; done_part "cached"
    else
        part "$era: downloading and unpacking $image $version"
        rm -rf "$kernel_dir"
        mkdir -p "$kernel_dir/debs" "$kernel_dir/root"
        # From 7.2 the image package holds no files: the kernel and modules are in packages it depends on.
        # shellcheck disable=SC2086
        packages=("$image" $(apt-cache $opts depends "$image" | awk '/Depends: linux-(binary|modules)-[0-9]/ {print $2}'))
        # shellcheck disable=SC2086
        (cd "$kernel_dir/debs" && apt-get -qq -o Acquire::Retries=3 $opts download "${packages[@]}" 2>&1 | grep -v 'unsandboxed' || true)
        for deb in "$kernel_dir"/debs/*.deb; do
            dpkg-deb -x "$deb" "$kernel_dir/root"
        done
        rm -rf "$kernel_dir/debs"
        [ -e "$kernel_dir/root/lib" ] || ln -s usr/lib "$kernel_dir/root/lib"
        releases=("$kernel_dir"/root/lib/modules/*)
        [ ${#releases[@]} -gt 0 ] || die "$era: $image has no modules"
        release=${releases[0]##*/}
        # /boot until 6.12; from 7.2 the kernel sits beside its modules.
        vmlinuz=("$kernel_dir"/root/boot/vmlinuz-* "$kernel_dir"/root/lib/modules/"$release"/vmlinu[z])
        [ ${#vmlinuz[@]} -gt 0 ] || die "$era: $image has no vmlinuz"
        cp "${vmlinuz[0]}" "$kernel_dir/vmlinuz"
        # The 7.2 packages ship no modules.order or modules.builtin; depmod only needs them to list
        # built-in modules, which no initramfs loads.
        for index in modules.order modules.builtin modules.builtin.modinfo; do
            [ -e "$kernel_dir/root/lib/modules/$release/$index" ] || : > "$kernel_dir/root/lib/modules/$release/$index"
        done
        depmod -b "$kernel_dir/root" "$release"
        echo "$release" > "$kernel_dir/release"
        touch "$kernel_dir/ready"
        done_part
    fi
    release=$(cat "$kernel_dir/release")
    printf '%s\t%s\t%s\t%s\t%s\n' "$era" "$release" "$image" "$version" "$kernel_dir" >> "$tsv"
done

# --- 3. agent and initramfs ----------------------------------------------------------------------
agent_source=$here/../agent/agent.c
[ -e "$agent_source" ] || die "no agent source at $agent_source"
agent_sum=$(sha256sum "$agent_source" | cut -c1-16)
agent=$cache/agent/agent-$agent_sum
if [ -x "$agent" ]; then
    part "guest agent"; done_part "cached"
else
    part "building the guest agent (static)"
    mkdir -p "$cache/agent"
    sh "$here/../agent/build.sh" "$agent_source" "$agent.tmp" >/dev/null
    [ -x "$agent.tmp" ] || die "the agent did not build (is gcc installed?)"
    mv "$agent.tmp" "$agent"
    done_part
fi

# The drivers a QEMU guest binds without a GPU, the dma-buf providers, and the virtio-serial port
# the agent talks through. Later kernels renamed some (bochs-drm -> bochs, cirrus -> cirrus-qemu).
wanted="vgem virtio-gpu bochs bochs-drm qxl cirrus cirrus-qemu radeon udmabuf virtio_pci virtio_console"
init=$here/init.sh

# The paths (relative to the modules directory) of the wanted modules and everything they depend
# on, each after its dependencies: modules.dep lists a module's dependencies, all of them.
load_order() {
    local base=$1; shift
    declare -A deps=() by_name=() seen=()
    local path rest name
    while IFS=: read -r path rest; do
        deps[$path]=$rest
        name=${path##*/}; name=${name%%.ko*}; name=${name//-/_}
        by_name[$name]=$path
    done < "$base/modules.dep"
    visit() {
        local p=$1 d
        [ -z "${seen[$p]:-}" ] || return 0
        seen[$p]=1
        for d in ${deps[$p]}; do visit "$d"; done
        echo "$p"
    }
    local wanted
    for wanted in "$@"; do
        wanted=${wanted//-/_}
        [ -z "${by_name[$wanted]:-}" ] || visit "${by_name[$wanted]}"
    done
}
final=$cache/kernels.tsv
: > "$final.tmp"
while IFS=$'\t' read -r era release image version kernel_dir; do
    modules_dir=$kernel_dir/root/lib/modules/$release
    # Module paths in load order: each one's dependencies (modules.dep lists them) before it.
    # The order depends only on the kernel and the wanted list: worked out once per kernel.
    order_file=$kernel_dir/load-order-$(echo "$wanted" | sha256sum | cut -c1-16)
    if [ ! -e "$order_file" ]; then
        # shellcheck disable=SC2086
        load_order "$modules_dir" $wanted > "$order_file.tmp"
        mv "$order_file.tmp" "$order_file"
    fi
    order=$(cat "$order_file")
    # The layout below is part of the sum: a change to how the initramfs is put together rebuilds it.
    sum=$( (echo "$order"; cat "$init"; echo "$agent_sum"; echo "layout 2: root 0755") | sha256sum | cut -c1-16)
    initrd=$kernel_dir/initrd-$sum.cpio.gz
    if [ -e "$initrd" ]; then
        part "$era: initramfs"; done_part "cached"
    else
        part "$era: initramfs ($(echo "$order" | grep -c .) modules)"
        stage=$(mktemp -d)
        mkdir -p "$stage"/{bin,dev,proc,sys,etc,lib/modules}
        cp /bin/busybox "$stage/bin/busybox"
        cp "$agent" "$stage/bin/agent"
        cp "$init" "$stage/init"
        # mktemp -d makes the stage 0700, and the archive's root would keep it: a guest process that is
        # not root could then reach no file at all (every open(2) EACCES).
        chmod 755 "$stage" "$stage/init" "$stage/bin/agent"
        : > "$stage/etc/modules"
        while read -r path; do
            [ -n "$path" ] || continue
            target=$stage/lib/modules/$(basename "${path%%.ko*}").ko
            case $path in
                *.ko.xz) xz -dc "$modules_dir/$path" > "$target" ;;
                *.ko.zst) zstd -qdc "$modules_dir/$path" > "$target" ;;
                *.ko.gz) gzip -dc "$modules_dir/$path" > "$target" ;;
                *) cp "$modules_dir/$path" "$target" ;;
            esac
            echo "$(basename "$target")" >> "$stage/etc/modules"
        done <<< "$order"
        echo "$release" > "$stage/etc/release"
        (cd "$stage" && find . | cpio -o -H newc --quiet | gzip -1) > "$initrd.tmp"
        mv "$initrd.tmp" "$initrd"
        rm -rf "$stage"
        done_part
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$era" "$release" "$image" "$version" "$kernel_dir/vmlinuz" "$initrd" >> "$final.tmp"
done < "$tsv"
rm -f "$tsv"
# Kernels of eras this run did not ask for stay listed, after the ones it prepared.
if [ -e "$final" ]; then
    awk -F'\t' 'NR == FNR { asked[$1] = 1; next } !($1 in asked)' "$final.tmp" "$final" >> "$final.tmp"
fi
sort -t$'\t' -k1,1V -o "$final.tmp" "$final.tmp"
mv "$final.tmp" "$final"
echo "setup-kernels: ready in $(seconds "$started"): $final"
column -t -s $'\t' "$final" | sed 's/^/  /'
