/// Whether we run inside a container, and which manager made it, by the
/// signs systemd-detect-virt uses (without `/proc/1/environ`, which needs
/// privileges), plus cgroup and mount hints for images that lack the marker
/// files. A container shares the host's kernel, so the VM answer that
/// follows describes the host: that is what the yielding claims are about.
enum ContainerDetection {
    /// Manager names as systemd spells them; anything else reads "container-other".
    static let knownManagers: Set<String> = [
        "lxc", "lxc-libvirt", "systemd-nspawn", "docker", "podman", "rkt", "wsl", "proot", "pouch", "openvz",
    ]

    static func detect(_ system: SystemView, release: ReadOutcome<String>, _ log: inout EvidenceLog) -> String? {
        // OpenVZ: /proc/vz exists inside and outside a container, /proc/bc only outside.
        let vz = system.pathKind("/proc/vz")
        if vz.value != nil {
            let bc = system.pathKind("/proc/bc")
            if bc.isMissing {
                log.add("/proc/vz, /proc/bc", observed: "/proc/vz present, /proc/bc absent", meaning: "an OpenVZ container")
                return "openvz"
            }
        }
        // WSL marks its kernels' release string. `uname -r` is what
        // /proc/sys/kernel/osrelease holds; reading it once serves both uses.
        if let r = release.value, r.contains("Microsoft") || r.contains("WSL") {
            log.add("uname -r", observed: r, meaning: "Windows Subsystem for Linux")
            return "wsl"
        }
        for file in ["/run/host/container-manager", "/run/systemd/container"] {
            let outcome = system.readFile(file)
            let name = outcome.value?.trimmingWhitespace ?? ""
            if !name.isEmpty {
                let manager = name == "oci" ? (markerFile(system, &log) ?? "container-other") : managerName(name)
                log.add(file, outcome, meaning: "the container manager says: \(manager)")
                return manager
            }
        }
        if let manager = markerFile(system, &log) { return manager }
        if let manager = cgroupHint(system, &log) { return manager }
        if let manager = mountHint(system, &log) { return manager }
        return nil
    }

    static func managerName(_ name: String) -> String {
        knownManagers.contains(name) ? name : "container-other"
    }

    /// Podman's and Docker's marker files, podman first: `/.dockerenv` can
    /// be baked into an image that another manager then runs.
    private static func markerFile(_ system: SystemView, _ log: inout EvidenceLog) -> String? {
        for (path, manager) in [("/run/.containerenv", "podman"), ("/.dockerenv", "docker")] {
            let kind = system.pathKind(path)
            if kind.value != nil {
                log.add(path, kind, meaning: "a \(manager) container")
                return manager
            }
            log.add(path, kind, meaning: "not a \(manager) marker")
        }
        return nil
    }

    /// PID 1's cgroup path names the manager when no cgroup namespace hides it.
    private static func cgroupHint(_ system: SystemView, _ log: inout EvidenceLog) -> String? {
        let outcome = system.readFile("/proc/1/cgroup")
        guard let text = outcome.value else {
            log.add("/proc/1/cgroup", outcome, meaning: "no cgroup hint")
            return nil
        }
        let paths = text.split(separator: "\n").compactMap { line in
            line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).last.map(String.init)
        }
        for path in paths {
            if let manager = managerFromCgroup(path) {
                log.add("/proc/1/cgroup", observed: path, meaning: "PID 1 sits in a \(manager) cgroup")
                return manager
            }
        }
        log.add("/proc/1/cgroup", observed: paths.first ?? "(empty)", meaning: "no container manager in PID 1's cgroup")
        return nil
    }

    static func managerFromCgroup(_ path: String) -> String? {
        if path.contains("/docker/") || path.contains("/docker-") { return "docker" }
        if path.contains("/libpod-") || path.contains("/libpod_parent") { return "podman" }
        if path.contains("/lxc/") || path.contains("/lxc.payload") { return "lxc" }
        // A Kubernetes pod: the runtime (containerd, CRI-O) has no systemd name.
        if path.contains("kubepods") { return "container-other" }
        return nil
    }

    /// What `/` and the files a manager bind-mounts into every container
    /// (`/etc/hostname`, `/etc/hosts`, `/etc/resolv.conf`) come from. Other
    /// mounts are ignored: on a host, containers' overlays appear there too.
    private static func mountHint(_ system: SystemView, _ log: inout EvidenceLog) -> String? {
        let outcome = system.readFile("/proc/self/mountinfo")
        guard let text = outcome.value else {
            log.add("/proc/self/mountinfo", outcome, meaning: "no mount hint")
            return nil
        }
        let watched: Set<Substring> = ["/", "/etc/hostname", "/etc/hosts", "/etc/resolv.conf"]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count > 4, watched.contains(fields[4]) else { continue }
            if let manager = managerFromMount(String(line)) {
                log.add("/proc/self/mountinfo", observed: String(line), meaning: "\(fields[4]) comes from \(manager)")
                return manager
            }
        }
        log.add("/proc/self/mountinfo", observed: "no container storage behind / or /etc/hostname",
                meaning: "no container hint in mounts")
        return nil
    }

    static func managerFromMount(_ line: String) -> String? {
        if line.contains("/var/lib/docker/") || line.contains("/docker/containers/") { return "docker" }
        if line.contains("/containers/storage/") { return "podman" }
        if line.contains("/var/lib/lxc/") || line.contains("lxcfs") { return "lxc" }
        if line.contains("/var/lib/kubelet/pods/") { return "container-other" }
        return nil
    }
}
