#!/bin/busybox sh
# PID 1 of uapispec's guest: mounts the kernel's file systems, loads the DRM and dma-buf modules in
# dependency order (listed in /etc/modules by setup-kernels.sh), then becomes the guest agent, which
# serves the host over the virtio-serial port named "uapispec". When the agent exits, the guest
# powers off (the host restarts it when it needs it again).
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
# radeon's probe oopses with fbdev emulation on (and a later open() hangs): turn it off where the
# parameter exists. busybox insmod ignores "module.param=" on the kernel command line, so pass it here.
for module in $(cat /etc/modules); do
    name=${module%.ko}
    params=
    [ "$name" = drm_kms_helper ] && params=fbdev_emulation=0
    insmod "/lib/modules/$module" $params 2>/dev/null || { [ -n "$params" ] && insmod "/lib/modules/$module" 2>/dev/null; } \
        || echo "uapispec-init: could not load $name"
done
# devtmpfs makes the DRM nodes root's alone (0600); a desktop's udev gives the seat's user access
# (uaccess, or the video and render groups). Specs run users of their own (spawn() is uid 1000), so
# every user may open them here, as on a desktop: open(2)'s permission check is the file system's,
# not the DRM uAPI's, and DRM_ROOT_ONLY and DRM_MASTER ioctls still check what they check. The
# dma-buf providers (udmabuf, the dma-heaps) are opened the same way.
chmod 0666 /dev/dri/* /dev/udmabuf /dev/dma_heap/* 2>/dev/null
echo "uapispec-init: $(cat /etc/release) up: $(ls /dev/dri /dev/udmabuf /dev/dma_heap 2>/dev/null | tr "\n" " ")"
if [ -x /bin/agent ] && [ "$(cat /proc/cmdline | grep -c uapispec.shell)" = 0 ]; then
    /bin/agent --port-name uapispec
    echo "uapispec-init: agent exited with status $?"
else
    echo "uapispec-init: no agent; powering off"
fi
poweroff -f
