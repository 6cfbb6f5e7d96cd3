// Browser: the workbook becomes a download. The browser decides the folder (usually 下载),
// so the only thing we can report back is the file name.
import type { Platform } from './types';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const webPlatform: Platform = {
  kind: 'web',
  async saveFile(fileName, bytes, mime = XLSX_MIME) {
    // copy into a plain ArrayBuffer: a Blob cannot take a view over a SharedArrayBuffer
    const blob = new Blob([bytes.slice().buffer], { type: mime });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.rel = 'noopener';
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
    // revoking at once can cancel the download in some browsers; a minute is plenty
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return { saved: true };
  },
};
