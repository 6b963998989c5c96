/** What every published column means, in English and Vietnamese. The data package is built from this. */
export interface ColumnDescription {
  en: string;
  vi: string;
}

export const COLUMNS: Record<string, ColumnDescription> = {
  index: { en: 'Index id: par-index, sipas, papi or pci.', vi: 'Mã chỉ số: par-index, sipas, papi hoặc pci.' },
  year: {
    en: 'Results year (the year surveyed; results are usually announced the following spring).',
    vi: 'Năm đánh giá (kết quả thường công bố vào mùa xuân năm sau).',
  },
  unit_set: {
    en: 'Set of units the edition covers: legacy-64 (63 provinces + Hà Tây, to 2008), legacy-63 (2008 – June 2025) or merged-34 (from 1 July 2025).',
    vi: 'Bộ đơn vị của kỳ công bố: legacy-64 (63 tỉnh và Hà Tây, đến 2008), legacy-63 (2008 – 6/2025), merged-34 (từ 1/7/2025).',
  },
  unit_id: {
    en: 'chiso unit id (stable; see the units resource). Legacy provinces have slugs like phu-tho, the 2025 units like phu-tho-2025.',
    vi: 'Mã đơn vị của chiso (không đổi; xem bảng units). Tỉnh cũ: phu-tho; đơn vị từ 2025: phu-tho-2025.',
  },
  unit_name_vi: { en: 'Unit name in Vietnamese.', vi: 'Tên tỉnh, thành phố.' },
  unit_name_en: { en: 'Unit name in English.', vi: 'Tên tiếng Anh.' },
  gso_code: {
    en: 'Two-digit statistical code, valid only with its vintage (seven codes name other places after 2025).',
    vi: 'Mã thống kê hai chữ số, chỉ có nghĩa kèm văn bản ban hành (bảy mã đổi nơi sau 2025).',
  },
  gso_code_vintage: {
    en: 'The decision that issued the code: QĐ 124/2004/QĐ-TTg (63 provinces) or QĐ 19/2025/QĐ-TTg (34 units).',
    vi: 'Văn bản ban hành mã: QĐ 124/2004/QĐ-TTg (63 tỉnh) hoặc QĐ 19/2025/QĐ-TTg (34 đơn vị).',
  },
  region: {
    en: 'Socio-economic region id (6 regions of Resolution 81/2023/QH15); empty for the 2025 units, whose regions are not settled.',
    vi: 'Mã vùng kinh tế – xã hội (6 vùng theo NQ 81/2023/QH15); để trống với đơn vị từ 2025 vì vùng chưa được xác định lại.',
  },
  region_id: {
    en: 'Socio-economic region id (6 regions of Resolution 81/2023/QH15); empty for the 2025 units.',
    vi: 'Mã vùng kinh tế – xã hội; để trống với đơn vị từ 2025.',
  },
  region_vi: { en: 'Region name in Vietnamese.', vi: 'Tên vùng.' },
  region_en: { en: 'Region name in English.', vi: 'Tên vùng bằng tiếng Anh.' },
  measure: {
    en: 'Measure id within the index (see the measures resource).',
    vi: 'Mã chỉ tiêu trong chỉ số (xem bảng measures).',
  },
  value: {
    en: 'The published value, exactly as read from the raw file (no rounding). Empty when the unit was not scored.',
    vi: 'Giá trị công bố, đúng như trong tệp gốc (không làm tròn). Để trống khi đơn vị không được chấm điểm.',
  },
  rank: {
    en: 'Rank: the published rank where the publication printed one, otherwise computed by chiso (standard competition ranking, only for complete editions).',
    vi: 'Thứ hạng: thứ hạng công bố nếu có, nếu không thì do chiso tính (xếp hạng đồng hạng 1, 2, 2, 4; chỉ với kỳ công bố đầy đủ).',
  },
  rank_of: {
    en: 'Rank denominator: the number of units in the edition (as the press writes "6/63", even when some units were not scored).',
    vi: 'Mẫu số của thứ hạng: số đơn vị của kỳ công bố (như báo chí viết "6/63", kể cả khi có tỉnh không được chấm điểm).',
  },
  rank_source: {
    en: 'published (printed by the publisher) or computed (by chiso from the scores).',
    vi: 'published (do cơ quan công bố) hoặc computed (chiso tính từ điểm).',
  },
  computed_rank: {
    en: 'Rank computed by chiso from the scores (complete editions only), kept beside a published rank for comparison.',
    vi: 'Thứ hạng chiso tính từ điểm (chỉ kỳ đầy đủ), giữ cạnh thứ hạng công bố để đối chiếu.',
  },
  units_scored: {
    en: 'Number of units with a value for this measure in this edition.',
    vi: 'Số đơn vị có giá trị của chỉ tiêu này trong kỳ.',
  },
  rank_change: {
    en: 'Places moved since the previous edition (positive = up). Empty across a comparability break or a change of unit set, and when the two editions did not rank the same units (see change_note).',
    vi: 'Số bậc thay đổi so với kỳ trước (dương = tăng). Để trống khi phương pháp thay đổi, bộ đơn vị thay đổi, hoặc hai kỳ không xếp hạng cùng các đơn vị (xem change_note).',
  },
  published_rank_change: {
    en: 'Rank change as printed by the source ("tăng 32 bậc" = 32, "giảm 7 bậc" = -7, "giữ nguyên" = 0), positive = up. Where chiso also holds both ranks, rank_change is computed from them and any disagreement is in quality; where only the printed change is known, quote this one.',
    vi: 'Số bậc thay đổi như nguồn in ("tăng 32 bậc" = 32, "giảm 7 bậc" = -7, "giữ nguyên" = 0), dương = tăng. Khi chiso có cả hai thứ hạng, rank_change được tính từ chúng và mọi sai khác nằm trong bảng quality; khi chỉ biết số bậc in trên báo, hãy trích số này.',
  },
  value_change: {
    en: "Value minus the previous edition's value; empty when not comparable (see change_note).",
    vi: 'Chênh lệch giá trị so với kỳ trước; để trống khi không so sánh được (xem change_note).',
  },
  previous_year: { en: 'Year of the previous edition of the same index.', vi: 'Năm của kỳ công bố trước.' },
  change_note: {
    en: 'Why a change is empty: first-edition, unit-set-change, comparability-break, not-in-previous-edition, not-scored, not-scored-in-previous-edition, or ranked-units-differ (only the rank change is empty: the two editions ranked different units, e.g. 42 provinces in PCI 2005 and 64 in 2006, or a province not scored in one of them).',
    vi: 'Lý do không có thay đổi: first-edition, unit-set-change, comparability-break, not-in-previous-edition, not-scored (không được chấm điểm), not-scored-in-previous-edition (kỳ trước không được chấm điểm), hoặc ranked-units-differ (chỉ để trống thay đổi thứ hạng: hai kỳ xếp hạng các đơn vị khác nhau, ví dụ PCI 2005 xếp 42 tỉnh, 2006 xếp 64 tỉnh, hoặc có tỉnh không được chấm điểm ở một kỳ).',
  },
  group: {
    en: 'Group of the headline measure: PAPI quartile group (computed), PAR INDEX band A–D (computed from the score), PCI group as published.',
    vi: 'Nhóm của chỉ số tổng hợp: nhóm tứ phân vị PAPI (tính), nhóm A–D của PAR INDEX (tính từ điểm), nhóm PCI theo công bố.',
  },
  group_source: { en: 'published or computed.', vi: 'published (công bố) hoặc computed (tính).' },
  status: {
    en: 'published (the publication gives a value or a rank) or not-scored (the publication did not score the unit; see status_note_en).',
    vi: 'published (có giá trị hoặc thứ hạng công bố) hoặc not-scored (không được chấm điểm; xem status_note_vi).',
  },
  status_note_vi: {
    en: 'Why the unit was not scored, where known, in Vietnamese.',
    vi: 'Lý do không được chấm điểm, nếu biết.',
  },
  status_note_en: {
    en: 'Why the unit was not scored, where known, in English.',
    vi: 'Lý do không được chấm điểm, nếu biết, bằng tiếng Anh.',
  },
  source_id: {
    en: "Id of the source within the edition's publication.json.",
    vi: 'Mã nguồn trong publication.json của kỳ công bố.',
  },
  source_url: { en: 'URL of the source the value was read from.', vi: 'Địa chỉ nguồn của giá trị.' },
  source_kind: {
    en: "Who made the source: official (the publisher, a government portal relaying its figures, or an exact copy of the publisher's own file), press (newspaper or news agency, or a reprint of one), secondary (a compilation by a third party, e.g. a dataset on Hugging Face or GitHub), provincial (a province reporting its own result that the publisher did not publish). An official or press figure wins over a secondary one.",
    vi: 'Loại nguồn: official (cơ quan công bố hoặc cổng thông tin chính quyền đưa lại số liệu), press (báo chí, thông tấn hoặc bản đăng lại), secondary (bộ dữ liệu tổng hợp của bên thứ ba, ví dụ trên Hugging Face, GitHub), provincial (tỉnh tự báo cáo kết quả mà cơ quan công bố không công bố). Số liệu chính thức hoặc báo chí được ưu tiên hơn nguồn thứ cấp.',
  },
  raw_change_cell: {
    en: 'Cell of the printed rank change in the raw file, where one was printed.',
    vi: 'Ô chứa số bậc thay đổi in trên nguồn, nếu có.',
  },
  published_value: {
    en: 'The average printed by the publisher or the press for this area (where sources differ, the preferred one; the others are in source_values). Empty where none was found.',
    vi: 'Số bình quân do cơ quan công bố hoặc báo chí in (khi các nguồn khác nhau: số được ưu tiên; số còn lại trong source_values). Trống khi chưa tìm thấy.',
  },
  published_source_id: {
    en: "Source id (in the edition's publication.json) of published_value.",
    vi: 'Mã nguồn của published_value.',
  },
  published_source_url: { en: 'URL of the source of published_value.', vi: 'Địa chỉ nguồn của published_value.' },
  published_source_kind: {
    en: 'Kind of the source of published_value (official, press, secondary, provincial).',
    vi: 'Loại nguồn của published_value.',
  },
  published_tolerance: {
    en: 'Half a unit of the last printed decimal of published_value: a computed mean closer than this (plus 0.005) agrees.',
    vi: 'Nửa đơn vị của chữ số thập phân cuối của published_value: số tính ra chênh ít hơn (cộng 0,005) là khớp.',
  },
  field: {
    en: 'What the other source prints: value, rank, rank_change, group or average.',
    vi: 'Nguồn khác in gì: value (giá trị), rank (thứ hạng), rank_change (số bậc thay đổi), group (nhóm) hoặc average (bình quân).',
  },
  label: { en: 'The printed group label, for field = group.', vi: 'Nhãn nhóm được in, khi field = group.' },
  source_publisher: { en: 'Publisher of the other source.', vi: 'Đơn vị đăng nguồn.' },
  chiso_value: {
    en: 'The figure chiso publishes for the same thing (value, rank, rank change or average), empty if chiso holds none.',
    vi: 'Số liệu chiso công bố cho cùng nội dung, trống nếu chiso không có.',
  },
  chiso_label: { en: 'The group chiso publishes, for field = group.', vi: 'Nhóm chiso công bố, khi field = group.' },
  chiso_source_id: { en: 'Source id of the figure chiso publishes.', vi: 'Mã nguồn của số liệu chiso công bố.' },
  agrees: {
    en: "True when the two figures agree within half a unit of the other source's last printed decimal (ranks exactly); empty when chiso holds no figure to compare.",
    vi: 'Đúng khi hai số khớp trong phạm vi nửa đơn vị chữ số thập phân cuối của nguồn kia (thứ hạng phải bằng nhau); trống khi chiso không có số để so.',
  },
  declared: {
    en: 'Reason recorded in raw/ for a known disagreement (a disagreement that is not declared stops the build).',
    vi: 'Lý do được ghi trong raw/ cho một sai khác đã biết (sai khác chưa khai báo sẽ dừng bản dựng).',
  },
  chiso_raw_file: { en: 'Raw file of the figure chiso publishes.', vi: 'Tệp gốc của số liệu chiso công bố.' },
  chiso_raw_cell: { en: 'Cell of the figure chiso publishes.', vi: 'Ô của số liệu chiso công bố.' },
  raw_file: {
    en: 'Raw file the value was read from (in the chiso repository).',
    vi: 'Tệp gốc chứa giá trị (trong kho chiso).',
  },
  raw_sheet: { en: 'Worksheet of the raw workbook, if any.', vi: 'Trang tính của tệp gốc, nếu có.' },
  raw_cell: {
    en: "Cell of the value in the raw file (spreadsheet address; a CSV's header is row 1). Empty for a unit the publication declares not scored and leaves out of its table.",
    vi: 'Ô chứa giá trị trong tệp gốc (địa chỉ kiểu bảng tính; dòng tiêu đề của CSV là dòng 1). Để trống với đơn vị được khai báo không chấm điểm và không có trong bảng.',
  },
  raw_rank_cell: {
    en: 'Cell of the published rank in the raw file, where the publication printed one; prefixed with its file and sheet ("ranks.csv!B3") when it is not in the value\'s file.',
    vi: 'Ô chứa thứ hạng công bố trong tệp gốc, nếu có; ghi kèm tên tệp và trang tính ("ranks.csv!B3") khi không nằm trong tệp chứa giá trị.',
  },
  era: {
    en: 'legacy (provinces to June 2025, including Hà Tây) or merged (units from 1 July 2025).',
    vi: 'legacy (tỉnh đến 6/2025, kể cả Hà Tây) hoặc merged (đơn vị từ 1/7/2025).',
  },
  unit_sets: {
    en: 'Unit sets the unit belongs to, separated by |.',
    vi: 'Các bộ đơn vị chứa đơn vị này, cách nhau bởi |.',
  },
  name_vi: { en: 'Name in Vietnamese.', vi: 'Tên tiếng Việt.' },
  name_en: { en: 'Name in English.', vi: 'Tên tiếng Anh.' },
  official_name_vi: { en: 'Full official name ("Tỉnh …", "Thành phố …").', vi: 'Tên chính thức đầy đủ.' },
  type: {
    en: 'tỉnh (province) or thành phố trực thuộc trung ương (centrally-run city).',
    vi: 'Tỉnh hoặc thành phố trực thuộc trung ương.',
  },
  iso_3166_2: {
    en: 'ISO 3166-2:VN code (legacy provinces only; never equal to the GSO code).',
    vi: 'Mã ISO 3166-2:VN (chỉ tỉnh cũ; khác mã thống kê).',
  },
  valid_from: {
    en: "First day of the unit, where it started within the data's period.",
    vi: 'Ngày bắt đầu của đơn vị, nếu trong giai đoạn dữ liệu.',
  },
  valid_to: { en: 'Last day of the unit.', vi: 'Ngày cuối cùng của đơn vị.' },
  successor_id: {
    en: 'The unit it merged into (crosswalk legacy → merged; Hà Tây → Hà Nội).',
    vi: 'Đơn vị mà nó được sáp nhập vào (Hà Tây → Hà Nội; tỉnh cũ → đơn vị 2025).',
  },
  aliases: {
    en: 'Spellings matched to this unit, separated by |.',
    vi: 'Các cách viết được nhận là đơn vị này, cách nhau bởi |.',
  },
  unit: { en: 'points or percent.', vi: 'điểm (points) hoặc phần trăm (percent).' },
  direction: { en: 'higher-is-better for every measure here.', vi: 'Cao hơn là tốt hơn.' },
  from_year: { en: 'First year of this scale.', vi: 'Năm đầu của thang điểm.' },
  to_year: { en: 'Last year of this scale (empty = still in use).', vi: 'Năm cuối của thang điểm (trống = vẫn dùng).' },
  scale_min: { en: 'Scale minimum.', vi: 'Điểm tối thiểu của thang.' },
  scale_max: { en: 'Scale maximum.', vi: 'Điểm tối đa của thang.' },
  is_headline: {
    en: 'True for the measure that ranks are quoted for.',
    vi: 'Đúng với chỉ tiêu tổng hợp dùng để xếp hạng.',
  },
  note_vi: { en: 'Note in Vietnamese.', vi: 'Ghi chú.' },
  note_en: { en: 'Note in English.', vi: 'Ghi chú tiếng Anh.' },
  published: {
    en: 'Announcement date (YYYY-MM-DD, YYYY-MM or YYYY). In quality: the published figure.',
    vi: 'Ngày công bố. Trong bảng quality: số liệu công bố.',
  },
  publisher: { en: 'Publisher.', vi: 'Cơ quan công bố.' },
  title_vi: { en: 'Title in Vietnamese.', vi: 'Tiêu đề.' },
  title_en: { en: 'Title in English.', vi: 'Tiêu đề tiếng Anh.' },
  methodology_vi: { en: 'Methodology version, in Vietnamese.', vi: 'Phiên bản phương pháp.' },
  methodology_en: { en: 'Methodology version, in English.', vi: 'Phiên bản phương pháp, bằng tiếng Anh.' },
  scale_vi: { en: 'Headline scale in words, in Vietnamese.', vi: 'Thang điểm của chỉ số tổng hợp.' },
  scale_en: { en: 'Headline scale in words, in English.', vi: 'Thang điểm của chỉ số tổng hợp, bằng tiếng Anh.' },
  universe_size: {
    en: 'Number of units the edition covers (the rank denominator).',
    vi: 'Số đơn vị của kỳ (mẫu số thứ hạng).',
  },
  headline_scored: { en: 'Units with a headline value.', vi: 'Số đơn vị có điểm tổng hợp.' },
  headline_not_scored: { en: 'Units the publication did not score.', vi: 'Số đơn vị không được chấm điểm.' },
  headline_published_ranks: { en: 'Units with a published headline rank.', vi: 'Số đơn vị có thứ hạng công bố.' },
  headline_complete: {
    en: 'True when the headline is published for the whole universe (so chiso computes ranks, groups and averages).',
    vi: 'Đúng khi điểm tổng hợp được công bố cho mọi đơn vị (chiso tính thứ hạng, nhóm, bình quân).',
  },
  complete_measures: {
    en: 'Measures published for the whole universe, separated by |.',
    vi: 'Các chỉ tiêu được công bố đầy đủ, cách nhau bởi |.',
  },
  observations: {
    en: 'Number of rows of the edition in the observations resource.',
    vi: 'Số dòng của kỳ trong bảng observations.',
  },
  independent_figures_checked: {
    en: "How many independent figures (other sources' values, ranks and printed changes, published averages, printed group counts) the edition's figures were checked against.",
    vi: 'Số số liệu độc lập (giá trị, thứ hạng, số bậc thay đổi do nguồn khác in, số bình quân công bố, số tỉnh mỗi nhóm) đã dùng để đối chiếu số liệu của kỳ.',
  },
  independent_figures_agree: { en: 'How many of them agree.', vi: 'Số số liệu khớp.' },
  independent_figures_declared: {
    en: 'How many disagree with a declared reason (the others that disagree are quality warnings).',
    vi: 'Số số liệu sai khác đã được khai báo lý do.',
  },
  not_published_vi: {
    en: 'What the publisher chose not to publish (different from not yet collected), in Vietnamese.',
    vi: 'Phần cơ quan công bố không công bố (khác với phần chiso chưa thu thập).',
  },
  not_published_en: {
    en: 'What the publisher chose not to publish (different from not yet collected), in English.',
    vi: 'Phần cơ quan công bố không công bố, bằng tiếng Anh.',
  },
  license_vi: {
    en: 'Licence or terms of the published figures, in Vietnamese.',
    vi: 'Giấy phép hoặc điều khoản của số liệu.',
  },
  license_en: {
    en: 'Licence or terms of the published figures, in English.',
    vi: 'Giấy phép hoặc điều khoản của số liệu, bằng tiếng Anh.',
  },
  notes_vi: {
    en: 'Provenance notes, one per line, in Vietnamese.',
    vi: 'Ghi chú về nguồn gốc số liệu, mỗi dòng một ghi chú.',
  },
  notes_en: {
    en: 'Provenance notes, one per line, in English.',
    vi: 'Ghi chú về nguồn gốc số liệu, mỗi dòng một ghi chú, bằng tiếng Anh.',
  },
  folder: { en: 'Raw folder of the edition in the repository.', vi: 'Thư mục dữ liệu gốc của kỳ.' },
  source_urls: {
    en: "URLs of the edition's sources, separated by spaces.",
    vi: 'Địa chỉ các nguồn, cách nhau bởi dấu cách.',
  },
  area_id: { en: 'Region id, or national.', vi: 'Mã vùng, hoặc national (cả nước).' },
  area_name_vi: { en: 'Area name in Vietnamese.', vi: 'Tên vùng.' },
  area_name_en: { en: 'Area name in English.', vi: 'Tên vùng tiếng Anh.' },
  mean_value: {
    en: "Unweighted mean of the provincial values (chiso's computation, not the publisher's national figure).",
    vi: 'Bình quân không trọng số của các tỉnh (chiso tính, không phải số bình quân do cơ quan công bố).',
  },
  units: { en: 'Units in the area in this edition.', vi: 'Số đơn vị trong vùng.' },
  check: { en: 'Check id (e.g. published-rank-vs-computed, total-equals-sum-of-parts).', vi: 'Mã phép kiểm tra.' },
  severity: {
    en: 'warning (published as is), error (stops the build) or summary (counts for the check and edition).',
    vi: 'warning (cảnh báo), error (dừng bản dựng) hoặc summary (tổng hợp).',
  },
  computed: { en: 'The figure chiso computes for comparison.', vi: 'Số liệu chiso tính để đối chiếu.' },
  message: { en: 'What disagrees, in words.', vi: 'Mô tả sai khác.' },
  units_checked: { en: 'Summary rows: units checked.', vi: 'Dòng tổng hợp: số đơn vị được kiểm tra.' },
  units_failed: { en: 'Summary rows: units that disagree.', vi: 'Dòng tổng hợp: số đơn vị sai khác.' },
};
