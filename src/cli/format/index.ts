export * from './template/index';
export {
  writeFormatted,
  parseFormat,
  finalFormat,
  headerContext,
  isTableFormat,
  isJSONFormat,
  FormatError,
  TABLE_FORMAT_KEY,
  RAW_FORMAT_KEY,
  PRETTY_FORMAT_KEY,
  JSON_FORMAT_KEY,
  DEFAULT_QUIET_FORMAT,
  JSON_FORMAT,
} from './formatter';
export { TabWriter, alignTable, AlignRight, DiscardEmptyColumns, TabIndent, Debug } from './tabwriter';
export { stringWidth, runeWidth, charWidth, isEastAsianWide } from './runewidth';
export { ellipsis, prettyPrint, commandColumn } from './display';
export { displayablePorts, joinHostPort, type PortSummary } from './ports';
