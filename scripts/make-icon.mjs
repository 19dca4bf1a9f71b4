// Draws the extension icon (assets/icon.png, 512×512): a teal rounded square with a white
// list-and-check glyph. Kept as code so the icon can be regenerated without design tools.
import { deflateSync } from "node:zlib"
import { writeFileSync } from "node:fs"

const size = 512
const px = Buffer.alloc(size * size * 4)
const set = (x, y, [r, g, b, a]) => {
  const i = (y * size + x) * 4
  px[i] = r; px[i + 1] = g; px[i + 2] = b; px[i + 3] = a
}
const teal = [15, 118, 110, 255], white = [255, 255, 255, 255]
const inRounded = (x, y, r) => {
  const cx = Math.min(Math.max(x, r), size - 1 - r), cy = Math.min(Math.max(y, r), size - 1 - r)
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
}
const distToSegment = (x, y, [x1, y1], [x2, y2]) => {
  const dx = x2 - x1, dy = y2 - y1
  const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))
}
const strokes = [
  [[110, 150], [330, 150]], [[110, 250], [280, 250]], [[110, 350], [220, 350]], // ranked lines
  [[290, 360], [345, 415]], [[345, 415], [430, 300]] // check mark
]
for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
  if (!inRounded(x, y, 96)) { set(x, y, [0, 0, 0, 0]); continue }
  set(x, y, strokes.some((s) => distToSegment(x, y, ...s) < 24) ? white : teal)
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0 }
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type), data])
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}
const raw = Buffer.alloc(size * (size * 4 + 1))
for (let y = 0; y < size; y++) px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
const ihdr = Buffer.alloc(13)
ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6
writeFileSync(new URL("../assets/icon.png", import.meta.url), Buffer.concat([
  Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))
]))
