-- scripts/dinh-hoa-charts.lua - custom charts for a district's report:
-- criteria met per commune in a year, and income per head over the years.
--
--   ntm run scripts/dinh-hoa-charts.lua [DISTRICT] [YEAR] [SET] --out plots
--
-- Defaults: Định Hóa, 2023, the national commune set.

local district = args[1] or "Định Hóa"
local year = math.tointeger(tonumber(args[2] or "2023"))
local set = args[3] or "vn-318-commune"

local d = ntm.unit(district)
local results = ntm.evaluate(set, d.code, year)

-- criteria met per commune, in the order ntm gives (Vietnamese alphabetical)
local names, met = {}, {}
for i, r in ipairs(results) do
  names[i] = r.name
  met[i] = r.criteria_met
end
local file = ntm.chart {
  kind = "bars",
  title = d.name .. ": số tiêu chí đạt theo xã, năm " .. year,
  ylabel = "Số tiêu chí đạt",
  categories = names,
  series = { { name = "Tiêu chí đạt (" .. set .. ")", values = met } },
  out = "criteria-met-" .. year .. ".svg",
  csv = "criteria-met-" .. year .. ".csv",
  width = 1200, height = 500,
}
print("wrote " .. file)

-- income per head of the communes, one line each, over the years with figures
local years, series = {}, {}
local seen = {}
for _, r in ipairs(results) do
  for y in pairs(ntm.figures("income_per_capita_mvnd", r.code)) do
    if not seen[y] then seen[y] = true; years[#years + 1] = y end
  end
end
table.sort(years)
for i = 1, math.min(#results, 6) do
  local f = ntm.figures("income_per_capita_mvnd", results[i].code)
  local values = {}
  for j, y in ipairs(years) do values[j] = f[y] end
  series[#series + 1] = { name = results[i].name, values = values }
end
if #years > 0 then
  local labels = {}
  for j, y in ipairs(years) do labels[j] = tostring(y) end
  print("wrote " .. ntm.chart {
    kind = "line",
    title = d.name .. ": thu nhập bình quân đầu người",
    ylabel = "triệu đồng/người/năm",
    categories = labels,
    series = series,
    out = "income.png",
  })
end
