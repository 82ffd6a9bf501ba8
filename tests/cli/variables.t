# ntm variables WORDS: the dictionary searched by name and meaning,
# diacritics and case aside
$ $NTM --db t.db import $ROOT/data/variables.csv >/dev/null && $NTM --db t.db variables | wc -l
> 193
$ $NTM --db t.db variables "bảo hiểm"
> population_health_insured              persons           Số người tham gia bảo hiểm y tế
$ $NTM --db t.db variables bao hiem Y TE
> population_health_insured              persons           Số người tham gia bảo hiểm y tế
$ $NTM --db t.db variables health insured
> population_health_insured              persons           Số người tham gia bảo hiểm y tế
$ $NTM --db t.db variables bảo hiểm xã hội
> no variable's name or meaning holds all of 'bảo hiểm xã hội' (193 in the dictionary; `ntm variables` lists them)
