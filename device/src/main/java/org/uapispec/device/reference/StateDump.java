package org.uapispec.device.reference;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.uapispec.device.file.DrmDevice;
import org.uapispec.device.file.DrmFile;
import org.uapispec.device.gem.GemObject;
import org.uapispec.device.process.OpenFile;
import org.uapispec.device.process.Process;

/** The human-readable state of the model, for failure messages and report attachments. */
final class StateDump {
    private StateDump() {
    }

    static String of(List<DrmDevice> devices, Collection<Process> processes) {
        StringBuilder out = new StringBuilder();
        for (DrmDevice device : devices) {
            out.append("device ").append(device.index()).append(" (").append(device.profile().name()).append(")\n");
            for (GemObject object : device.gem().liveObjects()) {
                out.append("  ").append(object).append('\n');
            }
        }
        for (Process process : processes) {
            out.append(process.pid()).append(process.alive() ? "" : " (exited)")
                    .append(" uid ").append(Integer.toUnsignedString(process.credentials().uid()))
                    .append(process.credentials().sysAdmin() ? " CAP_SYS_ADMIN" : "").append('\n');
            for (Map.Entry<Integer, OpenFile> fd : process.files().view().entrySet()) {
                out.append("  fd ").append(fd.getKey()).append(": ").append(fd.getValue().describe());
                if (fd.getValue() instanceof DrmFile file) {
                    file.handles().view().forEach((h, o) -> out.append(" [").append(h).append("->object ")
                            .append(o.id()).append(']'));
                }
                out.append('\n');
            }
            for (String vma : process.memory().describe()) {
                out.append("  ").append(vma).append('\n');
            }
        }
        return out.toString();
    }
}
