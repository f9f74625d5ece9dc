import { err, ok, type Result } from '../../common/result';

/**
 * The `SDT_*` functions of the vendors' reader libraries (the API that ships with the SAM: `sdtapi.dll`,
 * also exported by `termb.dll`, and their Linux `.so` twins). Each returns the SAM status byte (0x90
 * success, 0x9F card found, 0x80 no card …); the kiosk always passes `iIfOpen = 0` (it keeps the port open).
 */
export interface SdtLibrary {
  openPort(port: number): Promise<number>;
  closePort(port: number): Promise<number>;
  startFindIdCard(port: number, manaInfo: Uint8Array): Promise<number>;
  selectIdCard(port: number, manaMsg: Uint8Array): Promise<number>;
  /** Writes the 256-byte text into `text` and the photo into `photo` (which the kiosk zeroes unread). */
  readBaseMsg(
    port: number,
    text: Uint8Array,
    textLength: number[],
    photo: Uint8Array,
    photoLength: number[],
  ): Promise<number>;
  samIdToStr(port: number, out: Uint8Array): Promise<number>;
}

const PROTOTYPES = {
  openPort: 'int __stdcall SDT_OpenPort(int iPort)',
  closePort: 'int __stdcall SDT_ClosePort(int iPort)',
  startFindIdCard: 'int __stdcall SDT_StartFindIDCard(int iPort, _Out_ uint8_t *pucManaInfo, int iIfOpen)',
  selectIdCard: 'int __stdcall SDT_SelectIDCard(int iPort, _Out_ uint8_t *pucManaMsg, int iIfOpen)',
  readBaseMsg:
    'int __stdcall SDT_ReadBaseMsg(int iPort, _Out_ uint8_t *pucCHMsg, _Out_ uint32_t *puiCHMsgLen, _Out_ uint8_t *pucPHMsg, _Out_ uint32_t *puiPHMsgLen, int iIfOpen)',
  samIdToStr: 'int __stdcall SDT_GetSAMIDToStr(int iPort, _Out_ uint8_t *pcSAMID, int iIfOpen)',
} as const;

type AsyncFn = { async: (...args: unknown[]) => void };

/**
 * Loads a vendor library with koffi (prebuilt in its npm packages; imported only when a `vendor` reader is
 * configured). Calls run on koffi's worker threads (`.async`): a read takes the reader about a second and
 * must not stop the core.
 */
export async function loadSdtLibrary(file: string): Promise<Result<SdtLibrary, 'not_loaded'>> {
  try {
    const koffi = (await import('koffi')).default;
    const library = koffi.load(file);
    const fns = Object.fromEntries(
      Object.entries(PROTOTYPES).map(([name, prototype]) => [name, library.func(prototype) as AsyncFn]),
    ) as Record<keyof typeof PROTOTYPES, AsyncFn>;
    const call = (fn: AsyncFn, ...args: unknown[]) =>
      new Promise<number>((resolve, reject) =>
        fn.async(...args, (error: unknown, status: number) => (error ? reject(error) : resolve(status))),
      );
    return ok({
      openPort: (port) => call(fns.openPort, port),
      closePort: (port) => call(fns.closePort, port),
      startFindIdCard: (port, info) => call(fns.startFindIdCard, port, info, 0),
      selectIdCard: (port, msg) => call(fns.selectIdCard, port, msg, 0),
      readBaseMsg: (port, text, textLength, photo, photoLength) =>
        call(fns.readBaseMsg, port, text, textLength, photo, photoLength, 0),
      samIdToStr: (port, out) => call(fns.samIdToStr, port, out, 0),
    });
  } catch {
    return err('not_loaded');
  }
}
