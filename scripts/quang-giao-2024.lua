-- quang-giao-2024.lua - Quảng Giao's 2024 plan, quarter by quarter, as
-- scenarios (seed B: the commune's NTM plan of 09/04/2024), and what each
-- quarter achieves against Thanh Hóa's commune set (32/2022) and advanced
-- commune set (33/2022).
--
--   ntm run scripts/quang-giao-2024.lua [UNIT] --out plots
--
-- Scenarios written (rebuilt on every run; the base data is not touched):
--   qg-2024-base  the 2023 figures carried into 2024 (no 2024 figures are on
--                 record except the clean-water count of the first quarter)
--   qg-2024-q1 .. qg-2024-q4  each quarter's works, each built on the last
-- Files written under --out: quang-giao-2024.csv (one row per quarter and
-- set) and quang-giao-2024.svg (money spent and clean-water share).

local unit = ntm.unit(args[1] or "Quảng Giao")
local SEED = "seed B (Quảng Giao plan 09/04/2024) "

-- 1. the baseline: every 2023 figure the commune has, carried into 2024
ntm.scenario("qg-2024-base", { note = "2023 figures carried into 2024" })
local carried = 0
for var in pairs(ntm.variables()) do
  local f = ntm.figures(var, unit.code)
  if f[2023] ~= nil and f[2024] == nil then
    ntm.set_figure("qg-2024-base", unit.code, var, 2024, f[2023], "carried from 2023")
    carried = carried + 1
  end
end

-- 2. the quarters: works (million VND) and the figures they move
local quarters = {
  { name = "qg-2024-q1", works = {
      { name = "Nước sạch tập trung: 752/1.250 hộ", variable = "households_clean_water_centralised",
        set = 752, where = "§II.3.1 Q1 (B19)" },
      { name = "Nhà văn hóa thôn Việt Trung (xây mới, sân)", cost = 2981.839, where = "§II.3.1 Q1 (B17)" },
      { name = "Nhà văn hóa thôn 5 (nâng cấp, tường rào, sân)", cost = 500, where = "§II.3.1 Q1 (B18, about)" },
  } },
  { name = "qg-2024-q2", works = {
      { name = "Thôn 5 đạt thôn NTM kiểu mẫu", variable = "model_villages_count", add = 1,
        where = "§I.1, §II.3.1 Q2 (B26)" },
  } },
  { name = "qg-2024-q3", works = {
      { name = "Biển chỉ dẫn, gờ giảm tốc", cost = 624.926, where = "§II.3.1 Q3 (B21)" },
      { name = "Sân chơi thôn 4", cost = 228.634, where = "§II.3.1 Q3 (B22)" },
      { name = "Hệ thống truyền thanh thông minh", cost = 1140, where = "§II.3.1 Q3 (B23)" },
  } },
  { name = "qg-2024-q4", works = {
      { name = "Sửa chữa trường Mầm non", cost = 1778.326, where = "§II.3.1 Q4 (B24)" },
      { name = "Đường Nỗ Điều đến ngõ ông Hương", cost = 1620, where = "§II.3.1 Q4 (B25)" },
      { name = "Hợp đồng thu gom chất thải nguy hại", variable = "hazardous_waste_contract", set = 1,
        where = "§II.3.1 Q4 (B29)" },
  } },
}

local base = "qg-2024-base"
for q, quarter in ipairs(quarters) do
  ntm.scenario(quarter.name, { base = base, note = "Quảng Giao plan 2024, quarter " .. q })
  for _, w in ipairs(quarter.works) do
    if w.set then
      ntm.set_figure(quarter.name, unit.code, w.variable, 2024, w.set, SEED .. w.where)
    elseif w.add then
      ntm.add_project(quarter.name, { unit = unit.code, year = 2024, quarter = q, name = w.name,
        variable = w.variable, quantity = w.add, note = SEED .. w.where })
    end
    if w.cost then
      ntm.add_project(quarter.name, { unit = unit.code, year = 2024, quarter = q, name = w.name,
        cost = w.cost, note = SEED .. w.where })
    end
  end
  base = quarter.name
end

-- 3. what each quarter achieves
local sets = { "th-32-2022-commune", "th-33-2022-advanced-commune" }
local rows, spent, water, labels = {}, {}, {}, {}
local total = 0
for q, quarter in ipairs(quarters) do
  for _, w in ipairs(quarter.works) do total = total + (w.cost or 0) end
  labels[q] = "Q" .. q
  spent[q] = total
  for _, set in ipairs(sets) do
    local r = ntm.evaluate(set, unit.code, 2024, quarter.name)[1]
    -- the advanced set's clean-water indicator (draft 55 %, a provincial newspaper)
    local ind = set == "th-33-2022-advanced-commune" and r.indicators["18.1"] or nil
    rows[#rows + 1] = {
      quarter = labels[q], scenario = quarter.name, set = set, status = r.status,
      criteria_met = r.criteria_met, spent_mvnd = string.format("%.3f", total),
      clean_water_pct = ind and ind.value and string.format("%.2f", ind.value) or "",
      clean_water_status = ind and ind.status or "",
    }
    if ind and ind.value then water[q] = ind.value end
  end
end

local before = ntm.evaluate("th-33-2022-advanced-commune", unit.code, 2024, "qg-2024-base")[1]
print(string.format("%s, 2024 (%d figures carried from 2023)", unit.name, carried))
print(string.format("  base: th-33 clean water %.2f %% (%s)", before.indicators["18.1"].value,
  before.indicators["18.1"].status))
for _, r in ipairs(rows) do
  print(string.format("  %s  %-28s %-8s %2d criteria met  spent %9s  clean water %s %s",
    r.quarter, r.set, r.status, r.criteria_met, r.spent_mvnd, r.clean_water_pct, r.clean_water_status))
end
print(ntm.write_csv("quang-giao-2024.csv", rows, { "quarter", "scenario", "set", "status",
  "criteria_met", "spent_mvnd", "clean_water_pct", "clean_water_status" }))
print(ntm.chart {
  kind = "bars", title = unit.name .. ": kế hoạch 2024 theo quý",
  categories = labels,
  series = {
    { name = "Vốn đã dùng, lũy kế (triệu đồng)", values = spent },
    { name = "Hộ dùng nước sạch tập trung (%)", values = water, y2 = true },
  },
  ylabel = "triệu đồng", y2label = "%",
  out = "quang-giao-2024.svg",
})
