// The commands docksim's docker CLI runs, by canonical path ("container ls" for `docker ps`).

import type { Cli, Invocation } from '../cli';
import { runCreate } from './container/create';
import { runPs } from './container/list';
import { runRun } from './container/run';
import { runDiff, runKill, runPause, runPort, runRename, runRm, runStop, runTop, runUpdate, runWait } from './container/simple';
import { runStats } from './container/stats';
import { runAttach, runExec, runLogs, runStart } from './container/streams';
import { runHistory, runImagePrune, runImages, runPull, runRmi, runSearch, runTag } from './image';
import { runContainerInspect, runImageInspect, runInspect, runNetworkInspect, runVolumeInspect } from './inspect';
import {
  runNetworkConnect,
  runNetworkCreate,
  runNetworkDisconnect,
  runNetworkLs,
  runNetworkPrune,
  runNetworkRm,
  runVolumeCreate,
  runVolumeLs,
  runVolumePrune,
  runVolumeRm,
} from './network';
import { runContainerPrune, runDf, runEvents, runInfo, runSystemPrune, runVersion } from './system';
import { runLogin, runLogout, runPush } from './registry';

export type Handler = (cli: Cli, inv: Invocation) => Promise<void>;

export const COMMANDS: Record<string, Handler> = {
  'container attach': runAttach,
  'container create': runCreate,
  'container diff': runDiff,
  'container exec': runExec,
  'container inspect': runContainerInspect,
  'container kill': runKill,
  'container logs': runLogs,
  'container ls': runPs,
  'container pause': (cli, inv) => runPause(cli, inv, true),
  'container port': runPort,
  'container prune': runContainerPrune,
  'container rename': runRename,
  'container restart': (cli, inv) => runStop(cli, inv, true),
  'container rm': runRm,
  'container run': runRun,
  'container start': runStart,
  'container stats': runStats,
  'container stop': (cli, inv) => runStop(cli, inv, false),
  'container top': runTop,
  'container unpause': (cli, inv) => runPause(cli, inv, false),
  'container update': runUpdate,
  'container wait': runWait,
  'image history': runHistory,
  'image inspect': runImageInspect,
  'image ls': (cli, inv) => runImages(cli, inv, inv.commandPath === 'docker images' ? 'images' : 'ls'),
  'image prune': runImagePrune,
  'image pull': runPull,
  'image push': runPush,
  'image rm': runRmi,
  'image tag': runTag,
  inspect: runInspect,
  'network connect': runNetworkConnect,
  'network create': runNetworkCreate,
  'network disconnect': runNetworkDisconnect,
  'network inspect': runNetworkInspect,
  'network ls': runNetworkLs,
  'network prune': runNetworkPrune,
  'network rm': runNetworkRm,
  login: runLogin,
  logout: runLogout,
  search: runSearch,
  'system df': runDf,
  'system events': runEvents,
  'system info': runInfo,
  'system prune': runSystemPrune,
  version: runVersion,
  'volume create': runVolumeCreate,
  'volume inspect': runVolumeInspect,
  'volume ls': runVolumeLs,
  'volume prune': runVolumePrune,
  'volume rm': runVolumeRm,
};
