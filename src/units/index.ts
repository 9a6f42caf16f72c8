export { humanDuration, humanDurationChangesAt } from './human-duration';
export {
  humanSize,
  humanSizeWithPrecision,
  bytesSize,
  fromHumanSize,
  ramInBytes,
  parseGoFloat,
  KB, MB, GB, TB, PB, KiB, MiB, GiB, TiB, PiB,
} from './size';
export { formatFloat, type FloatFormat } from './gofloat';
export {
  formatGoDuration,
  parseGoDuration,
  parseGoDurationNs,
  timeQuote,
  NANOSECOND, MICROSECOND, MILLISECOND, SECOND, MINUTE, HOUR,
} from './go-duration';
export {
  type GoTime,
  type GoZone,
  GO_ZERO_TIME,
  UTC,
  goTime,
  goTimeToUnixNano,
  goTimeFromUnixNano,
  goTimeSub,
  isGoZeroTime,
  formatRFC3339,
  formatRFC3339Nano,
  formatRFC3339NanoFixed,
  formatGoTimeString,
} from './go-time';
export { goQuote, goQuoteRune, goQuoteToASCII, isGoPrint } from './go-quote';
export {
  getTimestamp,
  goParseTime,
  parseTimestamps,
  LAYOUT_RFC3339,
  LAYOUT_RFC3339_NANO,
  type UnixTime,
} from './timestamp';
