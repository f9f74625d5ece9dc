import type { IdCardReaderConfig } from '../../common/idcard/reader_config';
import { FolderChannel } from './folder_channel';
import type { IdCardReader } from './id_card_reader';
import { DEFAULT_POLLING, type PollingOptions, PollingReader } from './polling_reader';
import type { SamChannel } from './sam_channel';
import { loadSdtLibrary } from './sdt_library';
import { SerialSamChannel } from './serial_sam_channel';
import { VendorSdtChannel } from './vendor_sdt_channel';

/** The adapter the provisioning file names; native code (serialport, koffi) loads only when used. */
export function channelFor(config: IdCardReaderConfig): SamChannel {
  switch (config.adapter) {
    case 'serial':
      return new SerialSamChannel(config.port, config.baudRate);
    case 'vendor':
      return new VendorSdtChannel(() => loadSdtLibrary(config.library), config.port);
    case 'simulated':
      return new FolderChannel(config.folder);
  }
}

export function createIdCardReader(
  config: IdCardReaderConfig,
  polling: PollingOptions = DEFAULT_POLLING,
): IdCardReader {
  return new PollingReader(channelFor(config), polling);
}
