/**
 * PaddleOCR's own inference settings for the PP-OCRv4 models (the defaults of PaddleOCR's
 * `tools/infer/utility.py` and its DBPostProcess / CTCLabelDecode), kept in one place so the
 * pipeline here reads pages the way the models were trained and published to be read. Where the
 * terminal departs from them, the entry says why and what bench/ocr measured.
 */
export const PADDLE_SETTINGS = {
  detection: {
    /** ImageNet statistics, on pixel values scaled to 0–1 (NormalizeImage in det's preprocessing). */
    mean: [0.485, 0.456, 0.406],
    std: [0.229, 0.224, 0.225],
    /** The network's stride: both sides are rounded to a multiple of it. */
    stride: 32,
    /**
     * PaddleOCR caps the long side at 960 px (det_limit_side_len, limit_type "max"): right for
     * photos, but an A4 page at 960 px leaves 12 pt text 14 px high and its commas a few pixels.
     * The cap here keeps 12 pt text about 28 px high at a fraction of the full page's cost
     * (detection time grows with the pixel count); recognition still crops from the full page.
     */
    maxLongSide: 1920,
    /** det_db_thresh: a pixel of the probability map above this is text. */
    threshold: 0.3,
    /** det_db_box_thresh: a region whose mean probability is below this is dropped. */
    boxThreshold: 0.6,
    /** det_db_unclip_ratio: how far a shrunk text region is grown back before cropping. */
    unclipRatio: 1.5,
    /** max_candidates in DBPostProcess. */
    maxCandidates: 1000,
    /** DBPostProcess's min_size: regions thinner than this (in map pixels) are noise. */
    minSize: 3,
  },
  recognition: {
    /** rec_image_shape "3, 48, 320": every crop is scaled to 48 px high; 320 the least batch width. */
    height: 48,
    minWidth: 320,
    /** rec_batch_num. */
    batchSize: 6,
    /** drop_score: a line read with less mean confidence is dropped. */
    dropScore: 0.5,
    /**
     * Not PaddleOCR's: each region is widened along its line by this × its height at both ends
     * before cropping (recognise.ts says why). bench/ocr: 0.3 took the clean notice pages from
     * 0.4–2.1% to 0–0.4% character error; 0.6 began pulling a photographed page's desk edge in.
     */
    lineEndPadding: 0.3,
    /** NormalizeImage for recognition: (x / 255 − 0.5) / 0.5. */
    mean: 0.5,
    std: 0.5,
  },
} as const;
