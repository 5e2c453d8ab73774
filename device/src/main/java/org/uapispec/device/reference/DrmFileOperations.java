package org.uapispec.device.reference;

import org.uapispec.api.Ioctl;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Outcome;
import org.uapispec.device.file.DrmFile;
import org.uapispec.device.mmap.MmapIoctls;
import org.uapispec.device.process.OpenFile;
import org.uapispec.device.process.Process;

/** The file operations of every DRM file of the reference device (tests build devices with them too). */
public enum DrmFileOperations implements DrmFile.FileOperations {
    INSTANCE;

    @Override
    public <R> Outcome<R> ioctl(DrmFile file, Process caller, Ioctl<R> request) {
        return request.dispatch(new DrmFileIoctls(file, caller));
    }

    @Override
    public Outcome<OpenFile.Mapping> mmap(DrmFile file, Process caller, MmapRequest request) {
        return new MmapIoctls(file, caller).mmapFile(request);
    }
}
