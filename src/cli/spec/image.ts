// Generated from docker CLI 28.2.2's help output and command definitions, then maintained by hand.
import type { CommandSpec, FlagSpec } from './types';

const imageSaveFlags: FlagSpec[] = [
  { name: "output", short: "o", kind: "string", usage: "Write to a file, instead of STDOUT" },
  { name: "platform", kind: "string", usage: "Save only the given platform variant. Formatted as \"os[/arch[/variant]]\" (e.g., \"linux/amd64\")", annotations: { version: "1.48" } },
];

const imageRmFlags: FlagSpec[] = [
  { name: "force", short: "f", kind: "bool", usage: "Force removal of the image" },
  { name: "no-prune", kind: "bool", usage: "Do not delete untagged parents" },
  { name: "platform", kind: "stringSlice", usage: "Remove only the given platform variant. Formatted as \"os[/arch[/variant]]\" (e.g., \"linux/amd64\")", annotations: { version: "1.50" } },
];

const imagePushFlags: FlagSpec[] = [
  { name: "all-tags", short: "a", kind: "bool", usage: "Push all tags of an image to the repository" },
  { name: "disable-content-trust", kind: "bool", usage: "Skip image signing", def: "true", envDefault: "DOCKER_CONTENT_TRUST" },
  { name: "platform", kind: "string", usage: "Push a platform-specific manifest as a single-platform image to the registry.\nImage index won't be pushed, meaning that other manifests, including attestations won't be preserved.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)", annotations: { version: "1.46" } },
  { name: "quiet", short: "q", kind: "bool", usage: "Suppress verbose output" },
];

const imagePullFlags: FlagSpec[] = [
  { name: "all-tags", short: "a", kind: "bool", usage: "Download all tagged images in the repository" },
  { name: "disable-content-trust", kind: "bool", usage: "Skip image verification", def: "true", envDefault: "DOCKER_CONTENT_TRUST" },
  { name: "platform", kind: "string", usage: "Set platform if server is multi-platform capable", envDefault: "DOCKER_DEFAULT_PLATFORM", annotations: { version: "1.32" } },
  { name: "quiet", short: "q", kind: "bool", usage: "Suppress verbose output" },
];

const imageLoadFlags: FlagSpec[] = [
  { name: "input", short: "i", kind: "string", usage: "Read from tar archive file, instead of STDIN" },
  { name: "platform", kind: "string", usage: "Load only the given platform variant. Formatted as \"os[/arch[/variant]]\" (e.g., \"linux/amd64\")", annotations: { version: "1.48" } },
  { name: "quiet", short: "q", kind: "bool", usage: "Suppress the load output" },
];

const imageImportFlags: FlagSpec[] = [
  { name: "change", short: "c", kind: "list", usage: "Apply Dockerfile instruction to the created image" },
  { name: "message", short: "m", kind: "string", usage: "Set commit message for imported image" },
  { name: "platform", kind: "string", usage: "Set platform if server is multi-platform capable", envDefault: "DOCKER_DEFAULT_PLATFORM", annotations: { version: "1.32" } },
];

const imageLsFlags: FlagSpec[] = [
  { name: "all", short: "a", kind: "bool", usage: "Show all images (default hides intermediate images)" },
  { name: "digests", kind: "bool", usage: "Show digests" },
  { name: "filter", short: "f", kind: "filter", usage: "Filter output based on conditions provided" },
  { name: "format", kind: "string", usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
  { name: "no-trunc", kind: "bool", usage: "Don't truncate output" },
  { name: "quiet", short: "q", kind: "bool", usage: "Only show image IDs" },
  { name: "tree", kind: "bool", usage: "List multi-platform images as a tree (EXPERIMENTAL)", annotations: { version: "1.47" } },
];

const imageHistoryFlags: FlagSpec[] = [
  { name: "format", kind: "string", usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
  { name: "human", short: "H", kind: "bool", usage: "Print sizes and dates in human readable format", def: "true" },
  { name: "no-trunc", kind: "bool", usage: "Don't truncate output" },
  { name: "platform", kind: "string", usage: "Show history for the given platform. Formatted as \"os[/arch[/variant]]\" (e.g., \"linux/amd64\")", annotations: { version: "1.48" } },
  { name: "quiet", short: "q", kind: "bool", usage: "Only show image IDs" },
];

const imageBuildFlags: FlagSpec[] = [
  { name: "add-host", kind: "list", validate: "extraHost", usage: "Add a custom host-to-IP mapping (\"host:ip\")" },
  { name: "build-arg", kind: "list", validate: "env", usage: "Set build-time variables" },
  { name: "cache-from", kind: "stringSlice", usage: "Images to consider as cache sources" },
  { name: "cgroup-parent", kind: "string", usage: "Set the parent cgroup for the \"RUN\" instructions during build" },
  { name: "compress", kind: "bool", usage: "Compress the build context using gzip" },
  { name: "cpu-period", kind: "int", usage: "Limit the CPU CFS (Completely Fair Scheduler) period" },
  { name: "cpu-quota", kind: "int", usage: "Limit the CPU CFS (Completely Fair Scheduler) quota" },
  { name: "cpu-shares", short: "c", kind: "int", usage: "CPU shares (relative weight)" },
  { name: "cpuset-cpus", kind: "string", usage: "CPUs in which to allow execution (0-3, 0,1)" },
  { name: "cpuset-mems", kind: "string", usage: "MEMs in which to allow execution (0-3, 0,1)" },
  { name: "disable-content-trust", kind: "bool", usage: "Skip image verification", def: "true", envDefault: "DOCKER_CONTENT_TRUST" },
  { name: "file", short: "f", kind: "string", usage: "Name of the Dockerfile (Default is \"PATH/Dockerfile\")" },
  { name: "force-rm", kind: "bool", usage: "Always remove intermediate containers" },
  { name: "iidfile", kind: "string", usage: "Write the image ID to the file" },
  { name: "isolation", kind: "string", usage: "Container isolation technology" },
  { name: "label", kind: "list", validate: "label", usage: "Set metadata for an image" },
  { name: "memory", short: "m", kind: "bytes", usage: "Memory limit" },
  { name: "memory-swap", kind: "swapBytes", usage: "Swap limit equal to memory plus swap: -1 to enable unlimited swap" },
  { name: "network", kind: "string", usage: "Set the networking mode for the RUN instructions during build", def: "default", annotations: { version: "1.25" } },
  { name: "no-cache", kind: "bool", usage: "Do not use cache when building the image" },
  { name: "platform", kind: "string", usage: "Set platform if server is multi-platform capable", envDefault: "DOCKER_DEFAULT_PLATFORM", annotations: { version: "1.38" } },
  { name: "pull", kind: "bool", usage: "Always attempt to pull a newer version of the image" },
  { name: "quiet", short: "q", kind: "bool", usage: "Suppress the build output and print image ID on success" },
  { name: "rm", kind: "bool", usage: "Remove intermediate containers after a successful build", def: "true" },
  { name: "security-opt", kind: "stringSlice", usage: "Security options" },
  { name: "shm-size", kind: "bytes", usage: "Size of \"/dev/shm\"" },
  { name: "squash", kind: "bool", usage: "Squash newly built layers into a single new layer", annotations: { experimental: true, version: "1.25" } },
  { name: "tag", short: "t", kind: "list", validate: "tag", usage: "Name and optionally a tag in the \"name:tag\" format" },
  { name: "target", kind: "string", usage: "Set the target build stage to build." },
  { name: "ulimit", kind: "ulimit", usage: "Ulimit options", def: "[]" },
];

export const builderBuildCmd: CommandSpec = {
  use: "build [OPTIONS] PATH | URL | -",
  short: "Build an image from a Dockerfile",
  annotations: { categoryTop: "4", aliases: "docker image build, docker build, docker builder build" },
  args: {kind: "exact", n: 1},
  simulated: true,
  flags: imageBuildFlags,
};

export const imageBuildCmd: CommandSpec = {
  use: "build [OPTIONS] PATH | URL | -",
  short: "Build an image from a Dockerfile",
  annotations: { categoryTop: "4", aliases: "docker image build, docker build, docker builder build" },
  args: {kind: "exact", n: 1},
  simulated: true,
  flags: imageBuildFlags,
};

export const imageHistoryCmd: CommandSpec = {
  use: "history [OPTIONS] IMAGE",
  short: "Show the history of an image",
  annotations: { aliases: "docker image history, docker history" },
  args: {kind: "exact", n: 1},
  simulated: true,
  flags: imageHistoryFlags,
};

export const imageImportCmd: CommandSpec = {
  use: "import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]",
  short: "Import the contents from a tarball to create a filesystem image",
  annotations: { aliases: "docker image import, docker import" },
  args: {kind: "min", n: 1},
  flags: imageImportFlags,
};

export const imageInspectCmd: CommandSpec = {
  use: "inspect [OPTIONS] IMAGE [IMAGE...]",
  short: "Display detailed information on one or more images",
  args: {kind: "min", n: 1},
  simulated: true,
  flags: [
    { name: "format", short: "f", kind: "string", usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: "platform", kind: "string", usage: "Inspect a specific platform of the multi-platform image.\nIf the image or the server is not multi-platform capable, the command will error out if the platform does not match.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)", annotations: { version: "1.49" } },
  ],
};

export const imageLoadCmd: CommandSpec = {
  use: "load [OPTIONS]",
  short: "Load an image from a tar archive or STDIN",
  annotations: { aliases: "docker image load, docker load" },
  args: {kind: "none"},
  flags: imageLoadFlags,
};

export const imageLsCmd: CommandSpec = {
  use: "ls [OPTIONS] [REPOSITORY[:TAG]]",
  aliases: ["list"],
  short: "List images",
  annotations: { categoryTop: "7", aliases: "docker image ls, docker image list, docker images" },
  args: {kind: "max", n: 1},
  simulated: true,
  flags: imageLsFlags,
};

export const imagePruneCmd: CommandSpec = {
  use: "prune [OPTIONS]",
  short: "Remove unused images",
  annotations: { version: "1.25" },
  args: {kind: "none"},
  simulated: true,
  flags: [
    { name: "all", short: "a", kind: "bool", usage: "Remove all unused images, not just dangling ones" },
    { name: "filter", kind: "filter", usage: "Provide filter values (e.g. \"until=<timestamp>\")" },
    { name: "force", short: "f", kind: "bool", usage: "Do not prompt for confirmation" },
  ],
};

export const imagePullCmd: CommandSpec = {
  use: "pull [OPTIONS] NAME[:TAG|@DIGEST]",
  short: "Download an image from a registry",
  annotations: { categoryTop: "5", aliases: "docker image pull, docker pull" },
  args: {kind: "exact", n: 1},
  simulated: true,
  flags: imagePullFlags,
};

export const imagePushCmd: CommandSpec = {
  use: "push [OPTIONS] NAME[:TAG]",
  short: "Upload an image to a registry",
  annotations: { categoryTop: "6", aliases: "docker image push, docker push" },
  args: {kind: "exact", n: 1},
  simulated: true,
  flags: imagePushFlags,
};

export const imageRmCmd: CommandSpec = {
  use: "rm [OPTIONS] IMAGE [IMAGE...]",
  aliases: ["rmi","remove"],
  short: "Remove one or more images",
  annotations: { aliases: "docker image rm, docker image remove, docker rmi" },
  args: {kind: "min", n: 1},
  simulated: true,
  flags: imageRmFlags,
};

export const imageSaveCmd: CommandSpec = {
  use: "save [OPTIONS] IMAGE [IMAGE...]",
  short: "Save one or more images to a tar archive (streamed to STDOUT by default)",
  annotations: { aliases: "docker image save, docker save" },
  args: {kind: "min", n: 1},
  flags: imageSaveFlags,
};

export const imageTagCmd: CommandSpec = {
  use: "tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]",
  short: "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE",
  annotations: { aliases: "docker image tag, docker tag" },
  args: {kind: "exact", n: 2},
  interspersed: false,
  simulated: true,
  flags: [],
};

export const buildCmd: CommandSpec = {
  use: "build [OPTIONS] PATH | URL | -",
  short: "Build an image from a Dockerfile",
  annotations: { categoryTop: "4", aliases: "docker image build, docker build, docker builder build" },
  args: {kind: "exact", n: 1},
  simulated: true,
  flags: imageBuildFlags,
};

export const historyCmd: CommandSpec = {
  use: "history [OPTIONS] IMAGE",
  short: "Show the history of an image",
  annotations: { aliases: "docker image history, docker history" },
  args: {kind: "exact", n: 1},
  legacy: true,
  simulated: true,
  flags: imageHistoryFlags,
};

export const imageCmd: CommandSpec = {
  use: "image",
  short: "Manage images",
  args: {kind: "none"},
  action: "showHelp",
  simulated: true,
  flags: [],
  subcommands: [imageBuildCmd, imageHistoryCmd, imageImportCmd, imageInspectCmd, imageLoadCmd, imageLsCmd, imagePruneCmd, imagePullCmd, imagePushCmd, imageRmCmd, imageSaveCmd, imageTagCmd],
};

export const imagesCmd: CommandSpec = {
  use: "images [OPTIONS] [REPOSITORY[:TAG]]",
  short: "List images",
  annotations: { categoryTop: "7", aliases: "docker image ls, docker image list, docker images" },
  args: {kind: "max", n: 1},
  simulated: true,
  flags: imageLsFlags,
};

export const importCmd: CommandSpec = {
  use: "import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]",
  short: "Import the contents from a tarball to create a filesystem image",
  annotations: { aliases: "docker image import, docker import" },
  args: {kind: "min", n: 1},
  legacy: true,
  flags: imageImportFlags,
};

export const loadCmd: CommandSpec = {
  use: "load [OPTIONS]",
  short: "Load an image from a tar archive or STDIN",
  annotations: { aliases: "docker image load, docker load" },
  args: {kind: "none"},
  legacy: true,
  flags: imageLoadFlags,
};

export const pullCmd: CommandSpec = {
  use: "pull [OPTIONS] NAME[:TAG|@DIGEST]",
  short: "Download an image from a registry",
  annotations: { categoryTop: "5", aliases: "docker image pull, docker pull" },
  args: {kind: "exact", n: 1},
  simulated: true,
  flags: imagePullFlags,
};

export const pushCmd: CommandSpec = {
  use: "push [OPTIONS] NAME[:TAG]",
  short: "Upload an image to a registry",
  annotations: { categoryTop: "6", aliases: "docker image push, docker push" },
  args: {kind: "exact", n: 1},
  simulated: true,
  flags: imagePushFlags,
};

export const rmiCmd: CommandSpec = {
  use: "rmi [OPTIONS] IMAGE [IMAGE...]",
  short: "Remove one or more images",
  annotations: { aliases: "docker image rm, docker image remove, docker rmi" },
  args: {kind: "min", n: 1},
  legacy: true,
  simulated: true,
  flags: imageRmFlags,
};

export const saveCmd: CommandSpec = {
  use: "save [OPTIONS] IMAGE [IMAGE...]",
  short: "Save one or more images to a tar archive (streamed to STDOUT by default)",
  annotations: { aliases: "docker image save, docker save" },
  args: {kind: "min", n: 1},
  legacy: true,
  flags: imageSaveFlags,
};

export const tagCmd: CommandSpec = {
  use: "tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]",
  short: "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE",
  annotations: { aliases: "docker image tag, docker tag" },
  args: {kind: "exact", n: 2},
  interspersed: false,
  legacy: true,
  simulated: true,
  flags: [],
};
