// The live picture of Docker's insides, as a component a page mounts:
//
//   import { mountPicture, worldSource } from './picture';
//   const picture = mountPicture(element, worldSource(world));
//
// or, to keep it out of the page's first load, through './picture/lazy'.

export { mountPicture, type Picture, type PictureOptions } from './view/picture';
export { worldSource, type WorldSourceOptions } from './world-source';
export { remoteSource, type RemoteSourceOptions } from './remote-source';
export type { ContainerInfo, HostSnapshot, ImageInfo, NetworkInfo, OpInfo, OpRecord, PictureSource, TraceListener, VolumeInfo } from './source';
