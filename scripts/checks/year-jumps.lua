-- Year-on-year jumps beyond a factor: a figure that should change slowly,
-- or a fund's money, more than FACTOR times (or less than 1/FACTOR) what
-- it was the year before. A unit mistake (billion for million) or a slipped
-- digit shows this way. Figures that programmes move fast on purpose (poor
-- households, households on clean water, e-health records) are not
-- watched: add a variable to WATCH to watch it.
local FACTOR = 3

-- Figures that change slowly: totals and stocks.
local WATCH = {
  "population_total", "households_total", "villages_total", "agri_land_ha",
  "road_commune_total_km", "road_village_total_km", "road_alley_total_km",
  "road_field_total_km", "road_all_total_km", "road_district_total_km", "canal_total_km",
  "schools_total", "high_schools_total", "upper_secondary_schools_total",
  "establishments_total", "food_businesses_total", "livestock_households",
  "children_under5", "lower_sec_graduates", "labour_working_age_able",
  "solid_waste_generated_t", "income_per_capita_mvnd",
}

-- Reports b (this year) against a (the year before) when past the factor;
-- both above zero (a start from nothing is no jump).
local function compare(data, unit, year, what, a, b, figures)
  if a > 0 and b > 0 and (b > FACTOR * a or a > FACTOR * b) then
    local up = b > a
    local r = up and b / a or a / b
    -- enough decimals to show it past the factor (3.005, not 3)
    local shown = (r < FACTOR + 0.01) and data.num(r, 4) or data.num(r, 2)
    finding {
      unit = unit, year = year, figures = figures,
      message = string.format("%s: %s in %d, %s in %d: %s times %s", what, data.num(a), year - 1,
        data.num(b), year, shown, up and "more" or "less"),
    }
  end
end

rule {
  id = "jump",
  title = "Year-on-year jumps beyond " .. FACTOR .. " times",
  severity = "warning",
  check = function(data)
    for _, name in ipairs(WATCH) do
      local prev = {}
      for _, f in ipairs(data.figures { variable = name, quarter = 0 }) do
        local p = prev[f.unit]
        if p and p.year == f.year - 1 then
          compare(data, f.unit, f.year, name, p.value, f.value, {
            { what = name .. " " .. p.year, value = p.value, source = p.source },
            { what = name .. " " .. f.year, value = f.value, source = f.source } })
        end
        prev[f.unit] = f
      end
    end
    -- money by unit, fund and measure (investment, recurrent and in-kind
    -- together: the split is often not stated), allocated or else disbursed
    local sums, keys = {}, {}
    for _, f in ipairs(data.funding()) do
      local key = f.unit .. "\0" .. f.fund .. "\0" .. f.measure
      local amount = f.allocated or f.disbursed
      if amount then
        if not sums[key] then
          sums[key] = { unit = f.unit, what = f.fund .. " funding (" .. f.measure .. ")" }
          keys[#keys + 1] = key
        end
        local y = sums[key][f.year] or { amount = 0, rows = {} }
        y.amount = y.amount + amount
        table.insert(y.rows, { what = f.fund .. " " .. f.kind .. " " .. f.year .. " (" .. f.measure .. ")",
                               value = amount, source = f.source })
        sums[key][f.year] = y
      end
    end
    for _, key in ipairs(keys) do
      local s = sums[key]
      for year = 1990, 2100 do
        local a, b = s[year - 1], s[year]
        if a and b then
          local figures = {}
          for _, r in ipairs(a.rows) do figures[#figures + 1] = r end
          for _, r in ipairs(b.rows) do figures[#figures + 1] = r end
          compare(data, s.unit, year, s.what, a.amount, b.amount, figures)
        end
      end
    end
  end,
}
