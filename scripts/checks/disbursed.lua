-- Money disbursed above what was allocated (a warning: a supplementary
-- allocation may be missing from the data). `ntm import` warns of the same
-- rows as it reads them, naming file and line.
rule {
  id = "disbursed",
  title = "Disbursed above allocated",
  severity = "warning",
  check = function(data)
    for _, f in ipairs(data.funding()) do
      if f.allocated and f.disbursed and f.disbursed > f.allocated then
        local label = f.fund .. " " .. f.kind .. " " .. f.year .. " (" .. f.measure .. ")"
        finding {
          unit = f.unit, year = f.year,
          message = string.format("%s: disbursed %s, above the %s allocated (%s %%)", label,
            data.num(f.disbursed), data.num(f.allocated),
            f.allocated > 0 and data.num(100 * f.disbursed / f.allocated, 2) or "-"),
          figures = { { what = label .. " allocated", value = f.allocated, source = f.source },
                      { what = label .. " disbursed", value = f.disbursed } },
        }
      end
    end
  end,
}
