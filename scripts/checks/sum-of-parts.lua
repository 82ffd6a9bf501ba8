-- X1: reported totals against the sum of their parts (criteria-reference
-- §8.3 X1: Quảng Giao's nine 2023 works add up to 20,102 million VND
-- against a stated total of 19,700).
--
-- A stated total is a figure (observations.csv); its parts are the rows it
-- sums up, in the same year, for the unit and the units below it: the
-- works of projects.csv (their cost), or the money of funding.csv (what
-- was allocated, else what was disbursed; million VND only, never tonnes).
-- One line per total: add a line to check another.
local TOTALS = {
  { total = "public_investment_total_mvnd", parts = "projects", what = "public investment" },
  { total = "ntm_resources_total_mvnd", parts = "funding", what = "NTM resources" },
}

-- A stated total may be rounded: a gap of at most this share of the total
-- (1 %) is no finding; past it is.
local TOLERANCE = 0.01

local function parts_of(data, t, tot)
  local parts, sum = {}, 0
  if t.parts == "projects" then
    for _, p in ipairs(data.projects { within = tot.unit, year = tot.year }) do
      if p.cost then
        sum = sum + p.cost
        parts[#parts + 1] = { what = p.name .. " (" .. p.unit_name .. ")", value = p.cost,
                              source = p.source }
      end
    end
  else
    for _, f in ipairs(data.funding { within = tot.unit, year = tot.year }) do
      local amount = f.allocated or f.disbursed
      if f.measure == "mVND" and amount then
        sum = sum + amount
        parts[#parts + 1] = { what = f.fund .. " " .. f.kind .. " (" .. f.unit_name .. ")",
                              value = amount, source = f.source }
      end
    end
  end
  return parts, sum
end

rule {
  id = "X1",
  title = "Reported totals against the sum of their parts",
  severity = "error",
  check = function(data)
    for _, t in ipairs(TOTALS) do
      for _, tot in ipairs(data.figures { variable = t.total, quarter = 0 }) do
        local parts, sum = parts_of(data, t, tot)
        local gap = sum - tot.value
        if #parts > 0 and math.abs(gap) > TOLERANCE * tot.value then
          local figures = { { what = t.total, value = tot.value, source = tot.source } }
          for _, p in ipairs(parts) do figures[#figures + 1] = p end
          figures[#figures + 1] = { what = "sum of the parts", value = sum }
          finding {
            unit = tot.unit, year = tot.year, figures = figures,
            message = string.format(
              "%s %d: the %d %s add%s up to %s million VND, the stated total is %s (%s %s, %s%s %%)",
              t.what, tot.year, #parts,
              (t.parts == "projects" and "work" or "funding row") .. (#parts == 1 and "" or "s"),
              #parts == 1 and "s" or "",
              data.num(sum), data.num(tot.value), data.num(math.abs(gap)),
              gap > 0 and "more" or "less",
              gap > 0 and "+" or "-", data.num(100 * math.abs(gap) / tot.value, 2)),
          }
        end
      end
    end
  end,
}
