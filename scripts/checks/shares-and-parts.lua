-- Two rules over the same pairs of figures, a part and the total it is
-- part of (the numerator and the denominator the criteria sets divide):
--
-- part-total: a part above its total (hardened roads above all roads,
--   households on clean water above all households), and a share (a pct
--   figure) above 100 %.
-- X8: shares the sources state against the amounts they come from
--   (criteria-reference §8.3 X8: "93 %" disbursed for 32,579 of 35,100 is
--   92.82 % rounded). A percentage written in a row's source ("752 of
--   1,250 households (60.16 %)", "32,579 disbursed (93 %)") is recomputed:
--   for a figure of the pairs below, part / total of the same unit and
--   period; for a funding row, disbursed / allocated when the text speaks
--   of disbursement, else the row's amount / the unit's funding that year
--   (same measure). Within the rounding of the stated number it is
--   consistent (info, so the check is seen to be made); past it, an error.

-- part = total: the part can never exceed the total.
local PAIRS = {
  road_commune_paved_km = "road_commune_total_km",
  road_village_hardened_km = "road_village_total_km",
  road_alley_hardened_km = "road_alley_total_km",
  road_field_ok_km = "road_field_total_km",
  road_all_hardened_km = "road_all_total_km",
  road_district_standard_km = "road_district_total_km",
  canal_solid_km = "canal_total_km",
  agri_land_irrigated_drained_ha = "agri_land_ha",
  households_electricity_safe = "households_total",
  households_solid_house = "households_total",
  households_poor_multidim = "households_total",
  households_near_poor = "households_total",
  households_hygienic_water = "households_total",
  households_clean_water_standard = "households_total",
  households_clean_water_centralised = "households_total",
  households_hygienic_toilet_bath_tank = "households_total",
  households_sorting_at_source = "households_total",
  livestock_households = "households_total",
  livestock_households_hygienic_pens = "livestock_households",
  schools_facility_standard = "schools_total",
  high_schools_standard = "high_schools_total",
  upper_secondary_schools_standard = "upper_secondary_schools_total",
  villages_with_culture_house = "villages_total",
  villages_cultural_standard = "villages_total",
  model_villages_count = "villages_total",
  smart_villages_count = "villages_total",
  labour_employed = "labour_working_age_able",
  labour_employed_trained = "labour_employed",
  labour_trained_certified = "labour_employed",
  lower_sec_graduates_continuing = "lower_sec_graduates",
  population_health_insured = "population_total",
  population_e_health_record = "population_total",
  children_under5 = "population_total",
  children_under5_stunted = "children_under5",
  establishments_env_compliant = "establishments_total",
  solid_waste_collected_treated_t = "solid_waste_generated_t",
  food_businesses_compliant = "food_businesses_total",
  coops_effective_count = "coops_active_count",
  towns_civilized = "towns_total",
}

-- The figures of a variable by unit and period: t[unit][year * 10 + quarter].
local function index(data, variable)
  local t = {}
  for _, f in ipairs(data.figures { variable = variable }) do
    t[f.unit] = t[f.unit] or {}
    t[f.unit][f.year * 10 + f.quarter] = f
  end
  return t
end

-- The total a part is compared with: the same period, else the year's.
local function total_for(totals, part)
  local u = totals[part.unit]
  return u and (u[part.year * 10 + part.quarter] or u[part.year * 10])
end

local function period(f)
  return f.quarter > 0 and (f.year .. " Q" .. f.quarter) or tostring(f.year)
end

rule {
  id = "part-total",
  title = "Parts above their totals",
  severity = "error",
  check = function(data)
    local parts = {}
    for part in pairs(PAIRS) do parts[#parts + 1] = part end
    table.sort(parts)
    for _, part in ipairs(parts) do
      local total = PAIRS[part]
      local totals = index(data, total)
      for _, p in ipairs(data.figures { variable = part }) do
        local t = total_for(totals, p)
        if t and p.value > t.value then
          finding {
            unit = p.unit, year = p.year,
            message = string.format("%s %s is above %s %s (%s)", part, data.num(p.value),
                                    total, data.num(t.value), period(p)),
            figures = { { what = part .. " " .. period(p), value = p.value, source = p.source },
                        { what = total .. " " .. period(t), value = t.value, source = t.source } },
          }
        end
      end
    end
    -- a share is at most 100 % (the importer refuses more; a database
    -- written otherwise may hold it)
    local uoms, pct = data.variables(), {}
    for name, uom in pairs(uoms) do if uom == "pct" then pct[#pct + 1] = name end end
    table.sort(pct)
    for _, name in ipairs(pct) do
      for _, f in ipairs(data.figures { variable = name }) do
        if f.value > 100 then
          finding {
            unit = f.unit, year = f.year,
            message = string.format("%s is %s %%, above 100 %% (%s)", name, data.num(f.value), period(f)),
            figures = { { what = name .. " " .. period(f), value = f.value, source = f.source } },
          }
        end
      end
    end
  end,
}

-- The percentages written in a text: { { value, decimals, text }, ... }.
-- "92,8 %" (a decimal comma) reads as 92.8; "12,000 t, 100 %" finds 100.
local function stated_shares(text)
  local out = {}
  for num in text:gmatch("(%d+[%.,]?%d*)%s?%%") do
    local int, frac = num:match("^(%d+)[%.,](%d+)$")
    local value = tonumber(int and (int .. "." .. frac) or num:match("^%d+"))
    if value then out[#out + 1] = { value = value, decimals = frac and #frac or 0, text = num .. " %" } end
  end
  return out
end

-- Whether the computed share rounds to the stated one: within half a unit
-- of its last decimal.
local function rounds_to(computed, stated)
  return math.abs(computed - stated.value) <= 0.5 * 10 ^ -stated.decimals + 1e-9
end

rule {
  id = "X8",
  title = "Shares stated against the amounts they come from",
  severity = "error",
  check = function(data)
    local function report(row, stated, part, whole, what, figures)
      local computed = 100 * part / whole
      local ok = rounds_to(computed, stated)
      local exact = math.abs(computed - stated.value) < 1e-9
      finding {
        unit = row.unit, year = row.year, severity = ok and "info" or nil,
        message = string.format("stated %s for %s: %s of %s is %s %%%s", stated.text, what,
          data.num(part), data.num(whole), data.num(computed, 2),
          exact and ": consistent" or ok and ": consistent (rounded)" or
          ", not " .. stated.text),
        figures = figures,
      }
    end
    -- figures whose source states a share of their total
    local parts = {}
    for part in pairs(PAIRS) do parts[#parts + 1] = part end
    table.sort(parts)
    for _, part in ipairs(parts) do
      local total, totals = PAIRS[part], nil
      for _, p in ipairs(data.figures { variable = part }) do
        local shares = stated_shares(p.source)
        if #shares > 0 then
          totals = totals or index(data, total)
          local t = total_for(totals, p)
          if t and t.value > 0 then
            for _, s in ipairs(shares) do
              report(p, s, p.value, t.value, part .. " " .. period(p), {
                { what = part .. " " .. period(p), value = p.value, source = p.source },
                { what = total .. " " .. period(t), value = t.value, source = t.source } })
            end
          end
        end
      end
    end
    -- funding rows: disbursed / allocated, or a share of the year's funding
    local rows = data.funding()
    for _, f in ipairs(rows) do
      for _, s in ipairs(stated_shares(f.source)) do
        local label = f.fund .. " " .. f.kind .. " " .. f.year
        if f.source:find("disburs") and f.allocated and f.disbursed and f.allocated > 0 then
          report(f, s, f.disbursed, f.allocated, label .. " disbursed", {
            { what = label .. " allocated (" .. f.measure .. ")", value = f.allocated, source = f.source },
            { what = label .. " disbursed (" .. f.measure .. ")", value = f.disbursed } })
        elseif not f.source:find("disburs") then
          local amount, whole, figures = f.allocated or f.disbursed, 0, {}
          for _, g in ipairs(rows) do
            local a = g.allocated or g.disbursed
            if g.unit == f.unit and g.year == f.year and g.measure == f.measure and a then
              whole = whole + a
              figures[#figures + 1] = { what = g.fund .. " " .. g.kind .. " " .. g.year ..
                                        " (" .. g.measure .. ")", value = a, source = g.source }
            end
          end
          if amount and whole > 0 and #figures > 1 then
            figures[#figures + 1] = { what = "funding of " .. f.unit_name .. " in " .. f.year ..
                                      " (" .. f.measure .. ")", value = whole }
            report(f, s, amount, whole, label .. " in the year's funding", figures)
          end
        end
      end
    end
  end,
}
