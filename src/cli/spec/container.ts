// Generated from docker CLI 28.2.2's help output and command definitions, then maintained by hand.
import type { CommandSpec, FlagSpec } from './types';

const containerUpdateFlags: FlagSpec[] = [
  { name: "blkio-weight", kind: "uint16", usage: "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)" },
  { name: "cpu-period", kind: "int", usage: "Limit CPU CFS (Completely Fair Scheduler) period" },
  { name: "cpu-quota", kind: "int", usage: "Limit CPU CFS (Completely Fair Scheduler) quota" },
  { name: "cpu-rt-period", kind: "int", usage: "Limit the CPU real-time period in microseconds", annotations: { version: "1.25" } },
  { name: "cpu-rt-runtime", kind: "int", usage: "Limit the CPU real-time runtime in microseconds", annotations: { version: "1.25" } },
  { name: "cpu-shares", short: "c", kind: "int", usage: "CPU shares (relative weight)" },
  { name: "cpus", kind: "decimal", usage: "Number of CPUs", annotations: { version: "1.29" } },
  { name: "cpuset-cpus", kind: "string", usage: "CPUs in which to allow execution (0-3, 0,1)" },
  { name: "cpuset-mems", kind: "string", usage: "MEMs in which to allow execution (0-3, 0,1)" },
  { name: "kernel-memory", kind: "bytes", usage: "Kernel memory limit (deprecated)", hidden: true },
  { name: "memory", short: "m", kind: "bytes", usage: "Memory limit" },
  { name: "memory-reservation", kind: "bytes", usage: "Memory soft limit" },
  { name: "memory-swap", kind: "swapBytes", usage: "Swap limit equal to memory plus swap: -1 to enable unlimited swap" },
  { name: "pids-limit", kind: "int", usage: "Tune container pids limit (set -1 for unlimited)", annotations: { version: "1.40" } },
  { name: "restart", kind: "string", usage: "Restart policy to apply when a container exits" },
];

const containerStopFlags: FlagSpec[] = [
  { name: "signal", short: "s", kind: "string", usage: "Signal to send to the container" },
  { name: "time", kind: "int", usage: "Seconds to wait before killing the container (deprecated: use --timeout)", hidden: true, deprecated: "use --timeout instead", shares: "timeout" },
  { name: "timeout", short: "t", kind: "int", usage: "Seconds to wait before killing the container" },
];

const containerStatsFlags: FlagSpec[] = [
  { name: "all", short: "a", kind: "bool", usage: "Show all containers (default shows just running)" },
  { name: "format", kind: "string", usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
  { name: "no-stream", kind: "bool", usage: "Disable streaming stats and only pull the first result" },
  { name: "no-trunc", kind: "bool", usage: "Do not truncate output" },
];

const containerStartFlags: FlagSpec[] = [
  { name: "attach", short: "a", kind: "bool", usage: "Attach STDOUT/STDERR and forward signals" },
  { name: "checkpoint", kind: "string", usage: "Restore from this checkpoint", annotations: { experimental: true, ostype: "linux" } },
  { name: "checkpoint-dir", kind: "string", usage: "Use a custom checkpoint storage directory", annotations: { experimental: true, ostype: "linux" } },
  { name: "detach-keys", kind: "string", usage: "Override the key sequence for detaching a container" },
  { name: "interactive", short: "i", kind: "bool", usage: "Attach container's STDIN" },
];

const containerRunFlags: FlagSpec[] = [
  { name: "add-host", kind: "list", validate: "extraHost", usage: "Add a custom host-to-IP mapping (host:ip)" },
  { name: "annotation", kind: "map", usage: "Add an annotation to the container (passed through to the OCI runtime)", def: "map[]", annotations: { version: "1.43" } },
  { name: "attach", short: "a", kind: "list", validate: "attach", usage: "Attach to STDIN, STDOUT or STDERR" },
  { name: "blkio-weight", kind: "uint16", usage: "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)" },
  { name: "blkio-weight-device", kind: "weightDevice", validate: "weightDevice", usage: "Block IO weight (relative device weight)", def: "[]" },
  { name: "cap-add", kind: "list", usage: "Add Linux capabilities" },
  { name: "cap-drop", kind: "list", usage: "Drop Linux capabilities" },
  { name: "cgroup-parent", kind: "string", usage: "Optional parent cgroup for the container" },
  { name: "cgroupns", kind: "string", usage: "Cgroup namespace to use (host|private)\n'host':    Run the container in the Docker host's cgroup namespace\n'private': Run the container in its own private cgroup namespace\n'':        Use the cgroup namespace as configured by the\n           default-cgroupns-mode option on the daemon (default)", annotations: { version: "1.41" } },
  { name: "cidfile", kind: "string", usage: "Write the container ID to the file" },
  { name: "cpu-count", kind: "int", usage: "CPU count (Windows only)", annotations: { ostype: "windows" } },
  { name: "cpu-percent", kind: "int", usage: "CPU percent (Windows only)", annotations: { ostype: "windows" } },
  { name: "cpu-period", kind: "int", usage: "Limit CPU CFS (Completely Fair Scheduler) period" },
  { name: "cpu-quota", kind: "int", usage: "Limit CPU CFS (Completely Fair Scheduler) quota" },
  { name: "cpu-rt-period", kind: "int", usage: "Limit CPU real-time period in microseconds", annotations: { version: "1.25" } },
  { name: "cpu-rt-runtime", kind: "int", usage: "Limit CPU real-time runtime in microseconds", annotations: { version: "1.25" } },
  { name: "cpu-shares", short: "c", kind: "int", usage: "CPU shares (relative weight)" },
  { name: "cpus", kind: "decimal", usage: "Number of CPUs", annotations: { version: "1.25" } },
  { name: "cpuset-cpus", kind: "string", usage: "CPUs in which to allow execution (0-3, 0,1)" },
  { name: "cpuset-mems", kind: "string", usage: "MEMs in which to allow execution (0-3, 0,1)" },
  { name: "detach", short: "d", kind: "bool", usage: "Run container in background and print container ID" },
  { name: "detach-keys", kind: "string", usage: "Override the key sequence for detaching a container" },
  { name: "device", kind: "list", usage: "Add a host device to the container" },
  { name: "device-cgroup-rule", kind: "list", validate: "deviceCgroupRule", usage: "Add a rule to the cgroup allowed devices list" },
  { name: "device-read-bps", kind: "throttleDevice", validate: "throttleBps", usage: "Limit read rate (bytes per second) from a device", def: "[]" },
  { name: "device-read-iops", kind: "throttleDevice", validate: "throttleIops", usage: "Limit read rate (IO per second) from a device", def: "[]" },
  { name: "device-write-bps", kind: "throttleDevice", validate: "throttleBps", usage: "Limit write rate (bytes per second) to a device", def: "[]" },
  { name: "device-write-iops", kind: "throttleDevice", validate: "throttleIops", usage: "Limit write rate (IO per second) to a device", def: "[]" },
  { name: "disable-content-trust", kind: "bool", usage: "Skip image verification", def: "true", envDefault: "DOCKER_CONTENT_TRUST" },
  { name: "dns", kind: "list", validate: "ipAddress", usage: "Set custom DNS servers" },
  { name: "dns-opt", kind: "list", usage: "Set DNS options", hidden: true, shares: "dns-option" },
  { name: "dns-option", kind: "list", usage: "Set DNS options" },
  { name: "dns-search", kind: "list", validate: "dnsSearch", usage: "Set custom DNS search domains" },
  { name: "domainname", kind: "string", usage: "Container NIS domain name" },
  { name: "entrypoint", kind: "string", usage: "Overwrite the default ENTRYPOINT of the image" },
  { name: "env", short: "e", kind: "list", validate: "env", usage: "Set environment variables" },
  { name: "env-file", kind: "list", usage: "Read in a file of environment variables" },
  { name: "expose", kind: "list", usage: "Expose a port or a range of ports" },
  { name: "gpus", kind: "gpus", usage: "GPU devices to add to the container ('all' to pass all GPUs)", annotations: { version: "1.40" } },
  { name: "group-add", kind: "list", usage: "Add additional groups to join" },
  { name: "health-cmd", kind: "string", usage: "Command to run to check health" },
  { name: "health-interval", kind: "duration", usage: "Time between running the check (ms|s|m|h) (default 0s)" },
  { name: "health-retries", kind: "int", usage: "Consecutive failures needed to report unhealthy" },
  { name: "health-start-interval", kind: "duration", usage: "Time between running the check during the start period (ms|s|m|h) (default 0s)", annotations: { version: "1.44" } },
  { name: "health-start-period", kind: "duration", usage: "Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)", annotations: { version: "1.29" } },
  { name: "health-timeout", kind: "duration", usage: "Maximum time to allow one check to run (ms|s|m|h) (default 0s)" },
  { name: "help", kind: "bool", usage: "Print usage" },
  { name: "hostname", short: "h", kind: "string", usage: "Container host name" },
  { name: "init", kind: "bool", usage: "Run an init inside the container that forwards signals and reaps processes", annotations: { version: "1.25" } },
  { name: "interactive", short: "i", kind: "bool", usage: "Keep STDIN open even if not attached" },
  { name: "io-maxbandwidth", kind: "bytes", usage: "Maximum IO bandwidth limit for the system drive (Windows only)", annotations: { ostype: "windows" } },
  { name: "io-maxiops", kind: "uint", usage: "Maximum IOps limit for the system drive (Windows only)", annotations: { ostype: "windows" } },
  { name: "ip", kind: "string", usage: "IPv4 address (e.g., 172.30.100.104)" },
  { name: "ip6", kind: "string", usage: "IPv6 address (e.g., 2001:db8::33)" },
  { name: "ipc", kind: "string", usage: "IPC mode to use" },
  { name: "isolation", kind: "string", usage: "Container isolation technology" },
  { name: "kernel-memory", kind: "bytes", usage: "Kernel memory limit" },
  { name: "label", short: "l", kind: "list", validate: "label", usage: "Set meta data on a container" },
  { name: "label-file", kind: "list", usage: "Read in a line delimited file of labels" },
  { name: "link", kind: "list", validate: "link", usage: "Add link to another container" },
  { name: "link-local-ip", kind: "list", usage: "Container IPv4/IPv6 link-local addresses" },
  { name: "log-driver", kind: "string", usage: "Logging driver for the container" },
  { name: "log-opt", kind: "list", usage: "Log driver options" },
  { name: "mac-address", kind: "string", usage: "Container MAC address (e.g., 92:d0:c6:0a:29:33)" },
  { name: "memory", short: "m", kind: "bytes", usage: "Memory limit" },
  { name: "memory-reservation", kind: "bytes", usage: "Memory soft limit" },
  { name: "memory-swap", kind: "swapBytes", usage: "Swap limit equal to memory plus swap: '-1' to enable unlimited swap" },
  { name: "memory-swappiness", kind: "int", usage: "Tune container memory swappiness (0 to 100)", def: "-1" },
  { name: "mount", kind: "mount", usage: "Attach a filesystem mount to the container" },
  { name: "name", kind: "string", usage: "Assign a name to the container" },
  { name: "net", kind: "network", usage: "Connect a container to a network", hidden: true, shares: "network" },
  { name: "net-alias", kind: "list", usage: "Add network-scoped alias for the container", hidden: true, shares: "network-alias" },
  { name: "network", kind: "network", usage: "Connect a container to a network" },
  { name: "network-alias", kind: "list", usage: "Add network-scoped alias for the container" },
  { name: "no-healthcheck", kind: "bool", usage: "Disable any container-specified HEALTHCHECK" },
  { name: "oom-kill-disable", kind: "bool", usage: "Disable OOM Killer" },
  { name: "oom-score-adj", kind: "int", usage: "Tune host's OOM preferences (-1000 to 1000)" },
  { name: "pid", kind: "string", usage: "PID namespace to use" },
  { name: "pids-limit", kind: "int", usage: "Tune container pids limit (set -1 for unlimited)" },
  { name: "platform", kind: "string", usage: "Set platform if server is multi-platform capable", envDefault: "DOCKER_DEFAULT_PLATFORM", annotations: { version: "1.32" } },
  { name: "privileged", kind: "bool", usage: "Give extended privileges to this container" },
  { name: "publish", short: "p", kind: "list", usage: "Publish a container's port(s) to the host" },
  { name: "publish-all", short: "P", kind: "bool", usage: "Publish all exposed ports to random ports" },
  { name: "pull", kind: "string", usage: "Pull image before running (\"always\", \"missing\", \"never\")", def: "missing" },
  { name: "quiet", short: "q", kind: "bool", usage: "Suppress the pull output" },
  { name: "read-only", kind: "bool", usage: "Mount the container's root filesystem as read only" },
  { name: "restart", kind: "string", usage: "Restart policy to apply when a container exits", def: "no" },
  { name: "rm", kind: "bool", usage: "Automatically remove the container and its associated anonymous volumes when it exits" },
  { name: "runtime", kind: "string", usage: "Runtime to use for this container" },
  { name: "security-opt", kind: "list", usage: "Security Options" },
  { name: "shm-size", kind: "bytes", usage: "Size of /dev/shm" },
  { name: "sig-proxy", kind: "bool", usage: "Proxy received signals to the process", def: "true" },
  { name: "stop-signal", kind: "string", usage: "Signal to stop the container" },
  { name: "stop-timeout", kind: "int", usage: "Timeout (in seconds) to stop a container", annotations: { version: "1.25" } },
  { name: "storage-opt", kind: "list", usage: "Storage driver options for the container" },
  { name: "sysctl", kind: "map", validate: "sysctl", usage: "Sysctl options", def: "map[]" },
  { name: "tmpfs", kind: "list", usage: "Mount a tmpfs directory" },
  { name: "tty", short: "t", kind: "bool", usage: "Allocate a pseudo-TTY" },
  { name: "ulimit", kind: "ulimit", usage: "Ulimit options", def: "[]" },
  { name: "use-api-socket", kind: "bool", usage: "Bind mount Docker API socket and required auth" },
  { name: "user", short: "u", kind: "string", usage: "Username or UID (format: <name|uid>[:<group|gid>])" },
  { name: "userns", kind: "string", usage: "User namespace to use" },
  { name: "uts", kind: "string", usage: "UTS namespace to use" },
  { name: "volume", short: "v", kind: "list", usage: "Bind mount a volume" },
  { name: "volume-driver", kind: "string", usage: "Optional volume driver for the container" },
  { name: "volumes-from", kind: "list", usage: "Mount volumes from the specified container(s)" },
  { name: "workdir", short: "w", kind: "string", usage: "Working directory inside the container" },
];

const containerRmFlags: FlagSpec[] = [
  { name: "force", short: "f", kind: "bool", usage: "Force the removal of a running container (uses SIGKILL)" },
  { name: "link", short: "l", kind: "bool", usage: "Remove the specified link" },
  { name: "volumes", short: "v", kind: "bool", usage: "Remove anonymous volumes associated with the container" },
];

const containerRestartFlags: FlagSpec[] = [
  { name: "signal", short: "s", kind: "string", usage: "Signal to send to the container" },
  { name: "time", kind: "int", usage: "Seconds to wait before killing the container (deprecated: use --timeout)", hidden: true, deprecated: "use --timeout instead", shares: "timeout" },
  { name: "timeout", short: "t", kind: "int", usage: "Seconds to wait before killing the container" },
];

const containerLsFlags: FlagSpec[] = [
  { name: "all", short: "a", kind: "bool", usage: "Show all containers (default shows just running)" },
  { name: "filter", short: "f", kind: "filter", usage: "Filter output based on conditions provided" },
  { name: "format", kind: "string", usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
  { name: "last", short: "n", kind: "int", usage: "Show n last created containers (includes all states)", def: "-1" },
  { name: "latest", short: "l", kind: "bool", usage: "Show the latest created container (includes all states)" },
  { name: "no-trunc", kind: "bool", usage: "Don't truncate output" },
  { name: "quiet", short: "q", kind: "bool", usage: "Only display container IDs" },
  { name: "size", short: "s", kind: "bool", usage: "Display total file sizes" },
];

const containerLogsFlags: FlagSpec[] = [
  { name: "details", kind: "bool", usage: "Show extra details provided to logs" },
  { name: "follow", short: "f", kind: "bool", usage: "Follow log output" },
  { name: "since", kind: "string", usage: "Show logs since timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)" },
  { name: "tail", short: "n", kind: "string", usage: "Number of lines to show from the end of the logs", def: "all" },
  { name: "timestamps", short: "t", kind: "bool", usage: "Show timestamps" },
  { name: "until", kind: "string", usage: "Show logs before a timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)", annotations: { version: "1.35" } },
];

const containerKillFlags: FlagSpec[] = [
  { name: "signal", short: "s", kind: "string", usage: "Signal to send to the container" },
];

const containerExportFlags: FlagSpec[] = [
  { name: "output", short: "o", kind: "string", usage: "Write to a file, instead of STDOUT" },
];

const containerExecFlags: FlagSpec[] = [
  { name: "detach", short: "d", kind: "bool", usage: "Detached mode: run command in the background" },
  { name: "detach-keys", kind: "string", usage: "Override the key sequence for detaching a container" },
  { name: "env", short: "e", kind: "list", validate: "env", usage: "Set environment variables", annotations: { version: "1.25" } },
  { name: "env-file", kind: "list", usage: "Read in a file of environment variables", annotations: { version: "1.25" } },
  { name: "interactive", short: "i", kind: "bool", usage: "Keep STDIN open even if not attached" },
  { name: "privileged", kind: "bool", usage: "Give extended privileges to the command" },
  { name: "tty", short: "t", kind: "bool", usage: "Allocate a pseudo-TTY" },
  { name: "user", short: "u", kind: "string", usage: "Username or UID (format: \"<name|uid>[:<group|gid>]\")" },
  { name: "workdir", short: "w", kind: "string", usage: "Working directory inside the container", annotations: { version: "1.35" } },
];

const containerCreateFlags: FlagSpec[] = [
  { name: "add-host", kind: "list", validate: "extraHost", usage: "Add a custom host-to-IP mapping (host:ip)" },
  { name: "annotation", kind: "map", usage: "Add an annotation to the container (passed through to the OCI runtime)", def: "map[]", annotations: { version: "1.43" } },
  { name: "attach", short: "a", kind: "list", validate: "attach", usage: "Attach to STDIN, STDOUT or STDERR" },
  { name: "blkio-weight", kind: "uint16", usage: "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)" },
  { name: "blkio-weight-device", kind: "weightDevice", validate: "weightDevice", usage: "Block IO weight (relative device weight)", def: "[]" },
  { name: "cap-add", kind: "list", usage: "Add Linux capabilities" },
  { name: "cap-drop", kind: "list", usage: "Drop Linux capabilities" },
  { name: "cgroup-parent", kind: "string", usage: "Optional parent cgroup for the container" },
  { name: "cgroupns", kind: "string", usage: "Cgroup namespace to use (host|private)\n'host':    Run the container in the Docker host's cgroup namespace\n'private': Run the container in its own private cgroup namespace\n'':        Use the cgroup namespace as configured by the\n           default-cgroupns-mode option on the daemon (default)", annotations: { version: "1.41" } },
  { name: "cidfile", kind: "string", usage: "Write the container ID to the file" },
  { name: "cpu-count", kind: "int", usage: "CPU count (Windows only)", annotations: { ostype: "windows" } },
  { name: "cpu-percent", kind: "int", usage: "CPU percent (Windows only)", annotations: { ostype: "windows" } },
  { name: "cpu-period", kind: "int", usage: "Limit CPU CFS (Completely Fair Scheduler) period" },
  { name: "cpu-quota", kind: "int", usage: "Limit CPU CFS (Completely Fair Scheduler) quota" },
  { name: "cpu-rt-period", kind: "int", usage: "Limit CPU real-time period in microseconds", annotations: { version: "1.25" } },
  { name: "cpu-rt-runtime", kind: "int", usage: "Limit CPU real-time runtime in microseconds", annotations: { version: "1.25" } },
  { name: "cpu-shares", short: "c", kind: "int", usage: "CPU shares (relative weight)" },
  { name: "cpus", kind: "decimal", usage: "Number of CPUs", annotations: { version: "1.25" } },
  { name: "cpuset-cpus", kind: "string", usage: "CPUs in which to allow execution (0-3, 0,1)" },
  { name: "cpuset-mems", kind: "string", usage: "MEMs in which to allow execution (0-3, 0,1)" },
  { name: "device", kind: "list", usage: "Add a host device to the container" },
  { name: "device-cgroup-rule", kind: "list", validate: "deviceCgroupRule", usage: "Add a rule to the cgroup allowed devices list" },
  { name: "device-read-bps", kind: "throttleDevice", validate: "throttleBps", usage: "Limit read rate (bytes per second) from a device", def: "[]" },
  { name: "device-read-iops", kind: "throttleDevice", validate: "throttleIops", usage: "Limit read rate (IO per second) from a device", def: "[]" },
  { name: "device-write-bps", kind: "throttleDevice", validate: "throttleBps", usage: "Limit write rate (bytes per second) to a device", def: "[]" },
  { name: "device-write-iops", kind: "throttleDevice", validate: "throttleIops", usage: "Limit write rate (IO per second) to a device", def: "[]" },
  { name: "disable-content-trust", kind: "bool", usage: "Skip image verification", def: "true", envDefault: "DOCKER_CONTENT_TRUST" },
  { name: "dns", kind: "list", validate: "ipAddress", usage: "Set custom DNS servers" },
  { name: "dns-opt", kind: "list", usage: "Set DNS options", hidden: true, shares: "dns-option" },
  { name: "dns-option", kind: "list", usage: "Set DNS options" },
  { name: "dns-search", kind: "list", validate: "dnsSearch", usage: "Set custom DNS search domains" },
  { name: "domainname", kind: "string", usage: "Container NIS domain name" },
  { name: "entrypoint", kind: "string", usage: "Overwrite the default ENTRYPOINT of the image" },
  { name: "env", short: "e", kind: "list", validate: "env", usage: "Set environment variables" },
  { name: "env-file", kind: "list", usage: "Read in a file of environment variables" },
  { name: "expose", kind: "list", usage: "Expose a port or a range of ports" },
  { name: "gpus", kind: "gpus", usage: "GPU devices to add to the container ('all' to pass all GPUs)", annotations: { version: "1.40" } },
  { name: "group-add", kind: "list", usage: "Add additional groups to join" },
  { name: "health-cmd", kind: "string", usage: "Command to run to check health" },
  { name: "health-interval", kind: "duration", usage: "Time between running the check (ms|s|m|h) (default 0s)" },
  { name: "health-retries", kind: "int", usage: "Consecutive failures needed to report unhealthy" },
  { name: "health-start-interval", kind: "duration", usage: "Time between running the check during the start period (ms|s|m|h) (default 0s)", annotations: { version: "1.44" } },
  { name: "health-start-period", kind: "duration", usage: "Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)", annotations: { version: "1.29" } },
  { name: "health-timeout", kind: "duration", usage: "Maximum time to allow one check to run (ms|s|m|h) (default 0s)" },
  { name: "help", kind: "bool", usage: "Print usage" },
  { name: "hostname", short: "h", kind: "string", usage: "Container host name" },
  { name: "init", kind: "bool", usage: "Run an init inside the container that forwards signals and reaps processes", annotations: { version: "1.25" } },
  { name: "interactive", short: "i", kind: "bool", usage: "Keep STDIN open even if not attached" },
  { name: "io-maxbandwidth", kind: "bytes", usage: "Maximum IO bandwidth limit for the system drive (Windows only)", annotations: { ostype: "windows" } },
  { name: "io-maxiops", kind: "uint", usage: "Maximum IOps limit for the system drive (Windows only)", annotations: { ostype: "windows" } },
  { name: "ip", kind: "string", usage: "IPv4 address (e.g., 172.30.100.104)" },
  { name: "ip6", kind: "string", usage: "IPv6 address (e.g., 2001:db8::33)" },
  { name: "ipc", kind: "string", usage: "IPC mode to use" },
  { name: "isolation", kind: "string", usage: "Container isolation technology" },
  { name: "kernel-memory", kind: "bytes", usage: "Kernel memory limit" },
  { name: "label", short: "l", kind: "list", validate: "label", usage: "Set meta data on a container" },
  { name: "label-file", kind: "list", usage: "Read in a line delimited file of labels" },
  { name: "link", kind: "list", validate: "link", usage: "Add link to another container" },
  { name: "link-local-ip", kind: "list", usage: "Container IPv4/IPv6 link-local addresses" },
  { name: "log-driver", kind: "string", usage: "Logging driver for the container" },
  { name: "log-opt", kind: "list", usage: "Log driver options" },
  { name: "mac-address", kind: "string", usage: "Container MAC address (e.g., 92:d0:c6:0a:29:33)" },
  { name: "memory", short: "m", kind: "bytes", usage: "Memory limit" },
  { name: "memory-reservation", kind: "bytes", usage: "Memory soft limit" },
  { name: "memory-swap", kind: "swapBytes", usage: "Swap limit equal to memory plus swap: '-1' to enable unlimited swap" },
  { name: "memory-swappiness", kind: "int", usage: "Tune container memory swappiness (0 to 100)", def: "-1" },
  { name: "mount", kind: "mount", usage: "Attach a filesystem mount to the container" },
  { name: "name", kind: "string", usage: "Assign a name to the container" },
  { name: "net", kind: "network", usage: "Connect a container to a network", hidden: true, shares: "network" },
  { name: "net-alias", kind: "list", usage: "Add network-scoped alias for the container", hidden: true, shares: "network-alias" },
  { name: "network", kind: "network", usage: "Connect a container to a network" },
  { name: "network-alias", kind: "list", usage: "Add network-scoped alias for the container" },
  { name: "no-healthcheck", kind: "bool", usage: "Disable any container-specified HEALTHCHECK" },
  { name: "oom-kill-disable", kind: "bool", usage: "Disable OOM Killer" },
  { name: "oom-score-adj", kind: "int", usage: "Tune host's OOM preferences (-1000 to 1000)" },
  { name: "pid", kind: "string", usage: "PID namespace to use" },
  { name: "pids-limit", kind: "int", usage: "Tune container pids limit (set -1 for unlimited)" },
  { name: "platform", kind: "string", usage: "Set platform if server is multi-platform capable", envDefault: "DOCKER_DEFAULT_PLATFORM", annotations: { version: "1.32" } },
  { name: "privileged", kind: "bool", usage: "Give extended privileges to this container" },
  { name: "publish", short: "p", kind: "list", usage: "Publish a container's port(s) to the host" },
  { name: "publish-all", short: "P", kind: "bool", usage: "Publish all exposed ports to random ports" },
  { name: "pull", kind: "string", usage: "Pull image before creating (\"always\", \"|missing\", \"never\")", def: "missing" },
  { name: "quiet", short: "q", kind: "bool", usage: "Suppress the pull output" },
  { name: "read-only", kind: "bool", usage: "Mount the container's root filesystem as read only" },
  { name: "restart", kind: "string", usage: "Restart policy to apply when a container exits", def: "no" },
  { name: "rm", kind: "bool", usage: "Automatically remove the container and its associated anonymous volumes when it exits" },
  { name: "runtime", kind: "string", usage: "Runtime to use for this container" },
  { name: "security-opt", kind: "list", usage: "Security Options" },
  { name: "shm-size", kind: "bytes", usage: "Size of /dev/shm" },
  { name: "stop-signal", kind: "string", usage: "Signal to stop the container" },
  { name: "stop-timeout", kind: "int", usage: "Timeout (in seconds) to stop a container", annotations: { version: "1.25" } },
  { name: "storage-opt", kind: "list", usage: "Storage driver options for the container" },
  { name: "sysctl", kind: "map", validate: "sysctl", usage: "Sysctl options", def: "map[]" },
  { name: "tmpfs", kind: "list", usage: "Mount a tmpfs directory" },
  { name: "tty", short: "t", kind: "bool", usage: "Allocate a pseudo-TTY" },
  { name: "ulimit", kind: "ulimit", usage: "Ulimit options", def: "[]" },
  { name: "use-api-socket", kind: "bool", usage: "Bind mount Docker API socket and required auth" },
  { name: "user", short: "u", kind: "string", usage: "Username or UID (format: <name|uid>[:<group|gid>])" },
  { name: "userns", kind: "string", usage: "User namespace to use" },
  { name: "uts", kind: "string", usage: "UTS namespace to use" },
  { name: "volume", short: "v", kind: "list", usage: "Bind mount a volume" },
  { name: "volume-driver", kind: "string", usage: "Optional volume driver for the container" },
  { name: "volumes-from", kind: "list", usage: "Mount volumes from the specified container(s)" },
  { name: "workdir", short: "w", kind: "string", usage: "Working directory inside the container" },
];

const containerCpFlags: FlagSpec[] = [
  { name: "archive", short: "a", kind: "bool", usage: "Archive mode (copy all uid/gid information)" },
  { name: "follow-link", short: "L", kind: "bool", usage: "Always follow symbol link in SRC_PATH" },
  { name: "quiet", short: "q", kind: "bool", usage: "Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached" },
];

const containerCommitFlags: FlagSpec[] = [
  { name: "author", short: "a", kind: "string", usage: "Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")" },
  { name: "change", short: "c", kind: "list", usage: "Apply Dockerfile instruction to the created image" },
  { name: "message", short: "m", kind: "string", usage: "Commit message" },
  { name: "pause", short: "p", kind: "bool", usage: "Pause container during commit", def: "true" },
];

const containerAttachFlags: FlagSpec[] = [
  { name: "detach-keys", kind: "string", usage: "Override the key sequence for detaching a container" },
  { name: "no-stdin", kind: "bool", usage: "Do not attach STDIN" },
  { name: "sig-proxy", kind: "bool", usage: "Proxy all received signals to the process", def: "true" },
];

export const containerAttachCmd: CommandSpec = {
  use: "attach [OPTIONS] CONTAINER",
  short: "Attach local standard input, output, and error streams to a running container",
  annotations: { aliases: "docker container attach, docker attach" },
  args: {kind: "exact", n: 1},
  simulated: true,
  flags: containerAttachFlags,
};

export const containerCommitCmd: CommandSpec = {
  use: "commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]",
  short: "Create a new image from a container's changes",
  annotations: { aliases: "docker container commit, docker commit" },
  args: {kind: "range", min: 1, max: 2},
  interspersed: false,
  simulated: true,
  flags: containerCommitFlags,
};

export const containerCpCmd: CommandSpec = {
  use: "cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH",
  short: "Copy files/folders between a container and the local filesystem",
  long: "Copy files/folders between a container and the local filesystem\n\nUse '-' as the source to read a tar archive from stdin\nand extract it to a directory destination in a container.\nUse '-' as the destination to stream a tar archive of a\ncontainer source to stdout.",
  annotations: { aliases: "docker container cp, docker cp" },
  args: {kind: "exact", n: 2},
  simulated: true,
  flags: containerCpFlags,
};

export const containerCreateCmd: CommandSpec = {
  use: "create [OPTIONS] IMAGE [COMMAND] [ARG...]",
  short: "Create a new container",
  annotations: { aliases: "docker container create, docker create" },
  args: {kind: "min", n: 1},
  interspersed: false,
  simulated: true,
  flags: containerCreateFlags,
};

export const containerDiffCmd: CommandSpec = {
  use: "diff CONTAINER",
  short: "Inspect changes to files or directories on a container's filesystem",
  annotations: { aliases: "docker container diff, docker diff" },
  args: {kind: "exact", n: 1},
  simulated: true,
  flags: [],
};

export const containerExecCmd: CommandSpec = {
  use: "exec [OPTIONS] CONTAINER COMMAND [ARG...]",
  short: "Execute a command in a running container",
  annotations: { categoryTop: "2", aliases: "docker container exec, docker exec" },
  args: {kind: "min", n: 2},
  interspersed: false,
  simulated: true,
  flags: containerExecFlags,
};

export const containerExportCmd: CommandSpec = {
  use: "export [OPTIONS] CONTAINER",
  short: "Export a container's filesystem as a tar archive",
  annotations: { aliases: "docker container export, docker export" },
  args: {kind: "exact", n: 1},
  simulated: true,
  flags: containerExportFlags,
};

export const containerInspectCmd: CommandSpec = {
  use: "inspect [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Display detailed information on one or more containers",
  args: {kind: "min", n: 1},
  simulated: true,
  flags: [
    { name: "format", short: "f", kind: "string", usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: "size", short: "s", kind: "bool", usage: "Display total file sizes" },
  ],
};

export const containerKillCmd: CommandSpec = {
  use: "kill [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Kill one or more running containers",
  annotations: { aliases: "docker container kill, docker kill" },
  args: {kind: "min", n: 1},
  simulated: true,
  flags: containerKillFlags,
};

export const containerLogsCmd: CommandSpec = {
  use: "logs [OPTIONS] CONTAINER",
  short: "Fetch the logs of a container",
  annotations: { aliases: "docker container logs, docker logs" },
  args: {kind: "exact", n: 1},
  simulated: true,
  flags: containerLogsFlags,
};

export const containerLsCmd: CommandSpec = {
  use: "ls [OPTIONS]",
  aliases: ["ps","list"],
  short: "List containers",
  annotations: { categoryTop: "3", aliases: "docker container ls, docker container list, docker container ps, docker ps" },
  args: {kind: "none"},
  simulated: true,
  flags: containerLsFlags,
};

export const containerPauseCmd: CommandSpec = {
  use: "pause CONTAINER [CONTAINER...]",
  short: "Pause all processes within one or more containers",
  annotations: { aliases: "docker container pause, docker pause" },
  args: {kind: "min", n: 1},
  simulated: true,
  flags: [],
};

export const containerPortCmd: CommandSpec = {
  use: "port CONTAINER [PRIVATE_PORT[/PROTO]]",
  short: "List port mappings or a specific mapping for the container",
  annotations: { aliases: "docker container port, docker port" },
  args: {kind: "range", min: 1, max: 2},
  simulated: true,
  flags: [],
};

export const containerPruneCmd: CommandSpec = {
  use: "prune [OPTIONS]",
  short: "Remove all stopped containers",
  annotations: { version: "1.25" },
  args: {kind: "none"},
  simulated: true,
  flags: [
    { name: "filter", kind: "filter", usage: "Provide filter values (e.g. \"until=<timestamp>\")" },
    { name: "force", short: "f", kind: "bool", usage: "Do not prompt for confirmation" },
  ],
};

export const containerRenameCmd: CommandSpec = {
  use: "rename CONTAINER NEW_NAME",
  short: "Rename a container",
  annotations: { aliases: "docker container rename, docker rename" },
  args: {kind: "exact", n: 2},
  simulated: true,
  flags: [],
};

export const containerRestartCmd: CommandSpec = {
  use: "restart [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Restart one or more containers",
  annotations: { aliases: "docker container restart, docker restart" },
  args: {kind: "min", n: 1},
  simulated: true,
  flags: containerRestartFlags,
};

export const containerRmCmd: CommandSpec = {
  use: "rm [OPTIONS] CONTAINER [CONTAINER...]",
  aliases: ["remove"],
  short: "Remove one or more containers",
  annotations: { aliases: "docker container rm, docker container remove, docker rm" },
  args: {kind: "min", n: 1},
  simulated: true,
  flags: containerRmFlags,
};

export const containerRunCmd: CommandSpec = {
  use: "run [OPTIONS] IMAGE [COMMAND] [ARG...]",
  short: "Create and run a new container from an image",
  annotations: { categoryTop: "1", aliases: "docker container run, docker run" },
  args: {kind: "min", n: 1},
  interspersed: false,
  simulated: true,
  flags: containerRunFlags,
};

export const containerStartCmd: CommandSpec = {
  use: "start [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Start one or more stopped containers",
  annotations: { aliases: "docker container start, docker start" },
  args: {kind: "min", n: 1},
  simulated: true,
  flags: containerStartFlags,
};

export const containerStatsCmd: CommandSpec = {
  use: "stats [OPTIONS] [CONTAINER...]",
  short: "Display a live stream of container(s) resource usage statistics",
  annotations: { aliases: "docker container stats, docker stats" },
  args: {kind: "min", n: 0},
  simulated: true,
  flags: containerStatsFlags,
};

export const containerStopCmd: CommandSpec = {
  use: "stop [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Stop one or more running containers",
  annotations: { aliases: "docker container stop, docker stop" },
  args: {kind: "min", n: 1},
  simulated: true,
  flags: containerStopFlags,
};

export const containerTopCmd: CommandSpec = {
  use: "top CONTAINER [ps OPTIONS]",
  short: "Display the running processes of a container",
  annotations: { aliases: "docker container top, docker top" },
  args: {kind: "min", n: 1},
  interspersed: false,
  simulated: true,
  flags: [],
};

export const containerUnpauseCmd: CommandSpec = {
  use: "unpause CONTAINER [CONTAINER...]",
  short: "Unpause all processes within one or more containers",
  annotations: { aliases: "docker container unpause, docker unpause" },
  args: {kind: "min", n: 1},
  simulated: true,
  flags: [],
};

export const containerUpdateCmd: CommandSpec = {
  use: "update [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Update configuration of one or more containers",
  annotations: { aliases: "docker container update, docker update" },
  args: {kind: "min", n: 1},
  simulated: true,
  flags: containerUpdateFlags,
};

export const containerWaitCmd: CommandSpec = {
  use: "wait CONTAINER [CONTAINER...]",
  short: "Block until one or more containers stop, then print their exit codes",
  annotations: { aliases: "docker container wait, docker wait" },
  args: {kind: "min", n: 1},
  simulated: true,
  flags: [],
};

export const attachCmd: CommandSpec = {
  use: "attach [OPTIONS] CONTAINER",
  short: "Attach local standard input, output, and error streams to a running container",
  annotations: { aliases: "docker container attach, docker attach" },
  args: {kind: "exact", n: 1},
  legacy: true,
  simulated: true,
  flags: containerAttachFlags,
};

export const commitCmd: CommandSpec = {
  use: "commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]",
  short: "Create a new image from a container's changes",
  annotations: { aliases: "docker container commit, docker commit" },
  args: {kind: "range", min: 1, max: 2},
  interspersed: false,
  legacy: true,
  simulated: true,
  flags: containerCommitFlags,
};

export const containerCmd: CommandSpec = {
  use: "container",
  short: "Manage containers",
  args: {kind: "none"},
  action: "showHelp",
  simulated: true,
  flags: [],
  subcommands: [containerAttachCmd, containerCommitCmd, containerCpCmd, containerCreateCmd, containerDiffCmd, containerExecCmd, containerExportCmd, containerInspectCmd, containerKillCmd, containerLogsCmd, containerLsCmd, containerPauseCmd, containerPortCmd, containerPruneCmd, containerRenameCmd, containerRestartCmd, containerRmCmd, containerRunCmd, containerStartCmd, containerStatsCmd, containerStopCmd, containerTopCmd, containerUnpauseCmd, containerUpdateCmd, containerWaitCmd],
};

export const cpCmd: CommandSpec = {
  use: "cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH",
  short: "Copy files/folders between a container and the local filesystem",
  long: "Copy files/folders between a container and the local filesystem\n\nUse '-' as the source to read a tar archive from stdin\nand extract it to a directory destination in a container.\nUse '-' as the destination to stream a tar archive of a\ncontainer source to stdout.",
  annotations: { aliases: "docker container cp, docker cp" },
  args: {kind: "exact", n: 2},
  legacy: true,
  simulated: true,
  flags: containerCpFlags,
};

export const createCmd: CommandSpec = {
  use: "create [OPTIONS] IMAGE [COMMAND] [ARG...]",
  short: "Create a new container",
  annotations: { aliases: "docker container create, docker create" },
  args: {kind: "min", n: 1},
  interspersed: false,
  legacy: true,
  simulated: true,
  flags: containerCreateFlags,
};

export const diffCmd: CommandSpec = {
  use: "diff CONTAINER",
  short: "Inspect changes to files or directories on a container's filesystem",
  annotations: { aliases: "docker container diff, docker diff" },
  args: {kind: "exact", n: 1},
  legacy: true,
  simulated: true,
  flags: [],
};

export const execCmd: CommandSpec = {
  use: "exec [OPTIONS] CONTAINER COMMAND [ARG...]",
  short: "Execute a command in a running container",
  annotations: { categoryTop: "2", aliases: "docker container exec, docker exec" },
  args: {kind: "min", n: 2},
  interspersed: false,
  simulated: true,
  flags: containerExecFlags,
};

export const exportCmd: CommandSpec = {
  use: "export [OPTIONS] CONTAINER",
  short: "Export a container's filesystem as a tar archive",
  annotations: { aliases: "docker container export, docker export" },
  args: {kind: "exact", n: 1},
  legacy: true,
  simulated: true,
  flags: containerExportFlags,
};

export const killCmd: CommandSpec = {
  use: "kill [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Kill one or more running containers",
  annotations: { aliases: "docker container kill, docker kill" },
  args: {kind: "min", n: 1},
  legacy: true,
  simulated: true,
  flags: containerKillFlags,
};

export const logsCmd: CommandSpec = {
  use: "logs [OPTIONS] CONTAINER",
  short: "Fetch the logs of a container",
  annotations: { aliases: "docker container logs, docker logs" },
  args: {kind: "exact", n: 1},
  legacy: true,
  simulated: true,
  flags: containerLogsFlags,
};

export const pauseCmd: CommandSpec = {
  use: "pause CONTAINER [CONTAINER...]",
  short: "Pause all processes within one or more containers",
  annotations: { aliases: "docker container pause, docker pause" },
  args: {kind: "min", n: 1},
  legacy: true,
  simulated: true,
  flags: [],
};

export const portCmd: CommandSpec = {
  use: "port CONTAINER [PRIVATE_PORT[/PROTO]]",
  short: "List port mappings or a specific mapping for the container",
  annotations: { aliases: "docker container port, docker port" },
  args: {kind: "range", min: 1, max: 2},
  legacy: true,
  simulated: true,
  flags: [],
};

export const psCmd: CommandSpec = {
  use: "ps [OPTIONS]",
  short: "List containers",
  annotations: { categoryTop: "3", aliases: "docker container ls, docker container list, docker container ps, docker ps" },
  args: {kind: "none"},
  simulated: true,
  flags: containerLsFlags,
};

export const renameCmd: CommandSpec = {
  use: "rename CONTAINER NEW_NAME",
  short: "Rename a container",
  annotations: { aliases: "docker container rename, docker rename" },
  args: {kind: "exact", n: 2},
  legacy: true,
  simulated: true,
  flags: [],
};

export const restartCmd: CommandSpec = {
  use: "restart [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Restart one or more containers",
  annotations: { aliases: "docker container restart, docker restart" },
  args: {kind: "min", n: 1},
  legacy: true,
  simulated: true,
  flags: containerRestartFlags,
};

export const rmCmd: CommandSpec = {
  use: "rm [OPTIONS] CONTAINER [CONTAINER...]",
  aliases: ["remove"],
  short: "Remove one or more containers",
  annotations: { aliases: "docker container rm, docker container remove, docker rm" },
  args: {kind: "min", n: 1},
  legacy: true,
  simulated: true,
  flags: containerRmFlags,
};

export const runCmd: CommandSpec = {
  use: "run [OPTIONS] IMAGE [COMMAND] [ARG...]",
  short: "Create and run a new container from an image",
  annotations: { categoryTop: "1", aliases: "docker container run, docker run" },
  args: {kind: "min", n: 1},
  interspersed: false,
  simulated: true,
  flags: containerRunFlags,
};

export const startCmd: CommandSpec = {
  use: "start [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Start one or more stopped containers",
  annotations: { aliases: "docker container start, docker start" },
  args: {kind: "min", n: 1},
  legacy: true,
  simulated: true,
  flags: containerStartFlags,
};

export const statsCmd: CommandSpec = {
  use: "stats [OPTIONS] [CONTAINER...]",
  short: "Display a live stream of container(s) resource usage statistics",
  annotations: { aliases: "docker container stats, docker stats" },
  args: {kind: "min", n: 0},
  legacy: true,
  simulated: true,
  flags: containerStatsFlags,
};

export const stopCmd: CommandSpec = {
  use: "stop [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Stop one or more running containers",
  annotations: { aliases: "docker container stop, docker stop" },
  args: {kind: "min", n: 1},
  legacy: true,
  simulated: true,
  flags: containerStopFlags,
};

export const topCmd: CommandSpec = {
  use: "top CONTAINER [ps OPTIONS]",
  short: "Display the running processes of a container",
  annotations: { aliases: "docker container top, docker top" },
  args: {kind: "min", n: 1},
  interspersed: false,
  legacy: true,
  simulated: true,
  flags: [],
};

export const unpauseCmd: CommandSpec = {
  use: "unpause CONTAINER [CONTAINER...]",
  short: "Unpause all processes within one or more containers",
  annotations: { aliases: "docker container unpause, docker unpause" },
  args: {kind: "min", n: 1},
  legacy: true,
  simulated: true,
  flags: [],
};

export const updateCmd: CommandSpec = {
  use: "update [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Update configuration of one or more containers",
  annotations: { aliases: "docker container update, docker update" },
  args: {kind: "min", n: 1},
  legacy: true,
  simulated: true,
  flags: containerUpdateFlags,
};

export const waitCmd: CommandSpec = {
  use: "wait CONTAINER [CONTAINER...]",
  short: "Block until one or more containers stop, then print their exit codes",
  annotations: { aliases: "docker container wait, docker wait" },
  args: {kind: "min", n: 1},
  legacy: true,
  simulated: true,
  flags: [],
};
