package org.spaprov.server.push;

import java.util.Collection;
import java.util.List;
import org.spaprov.server.device.DeviceRecord;

/** Which devices a campaign pushes. */
public sealed interface CampaignTarget {
    /** The devices of {@code all} this target selects, in MAC order. */
    List<DeviceRecord> select(Collection<DeviceRecord> all);

    /** A short description stored with the campaign ({@code mac:...}, {@code group:...}, {@code all}). */
    String describe();

    /** These devices (canonical MACs); unknown MACs are not selected. */
    record Macs(List<String> macs) implements CampaignTarget {
        public Macs {
            macs = List.copyOf(macs);
        }

        @Override
        public List<DeviceRecord> select(Collection<DeviceRecord> all) {
            return sorted(all.stream().filter(d -> macs.contains(d.mac())).toList());
        }

        @Override
        public String describe() {
            return "mac:" + String.join(",", macs);
        }
    }

    /** The devices in a group. */
    record Group(String name) implements CampaignTarget {
        @Override
        public List<DeviceRecord> select(Collection<DeviceRecord> all) {
            return sorted(all.stream().filter(d -> d.groups().contains(name)).toList());
        }

        @Override
        public String describe() {
            return "group:" + name;
        }
    }

    /** The devices of a model. */
    record Model(String name) implements CampaignTarget {
        @Override
        public List<DeviceRecord> select(Collection<DeviceRecord> all) {
            return sorted(all.stream().filter(d -> d.model().equalsIgnoreCase(name)).toList());
        }

        @Override
        public String describe() {
            return "model:" + name;
        }
    }

    /**
     * A saved filter: devices whose MAC, serial, model or a group contains {@code text}
     * (case-insensitive). Variables are not searched: they may hold secrets.
     */
    record Query(String text) implements CampaignTarget {
        @Override
        public List<DeviceRecord> select(Collection<DeviceRecord> all) {
            String t = text.toLowerCase(java.util.Locale.ROOT);
            return sorted(all.stream().filter(d -> d.mac().contains(t.replace(":", "").replace("-", ""))
                    || d.serial().map(s -> s.toLowerCase(java.util.Locale.ROOT).contains(t)).orElse(false)
                    || d.model().toLowerCase(java.util.Locale.ROOT).contains(t)
                    || d.groups().stream().anyMatch(g -> g.toLowerCase(java.util.Locale.ROOT).contains(t))).toList());
        }

        @Override
        public String describe() {
            return "query:" + text;
        }
    }

    /** Every device. */
    record All() implements CampaignTarget {
        @Override
        public List<DeviceRecord> select(Collection<DeviceRecord> all) {
            return sorted(List.copyOf(all));
        }

        @Override
        public String describe() {
            return "all";
        }
    }

    private static List<DeviceRecord> sorted(List<DeviceRecord> l) {
        return l.stream().sorted(java.util.Comparator.comparing(DeviceRecord::mac)).toList();
    }
}
