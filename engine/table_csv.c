/* table_csv.c - a table (table.h) as CSV for programs: one header of the
 * columns' stable English keys, then the body rows, numbers plain (a dot
 * before the decimals, no thousands mark, more digits than the annex
 * shows), statuses and coded text as stable codes. No title lines and no
 * total rows: a reader sums what it needs. Calls csv_put (csv.h). */
#include "table.h"

#include "csv.h"

#define CELL_MAX 256     /* a number or a status */

int table_csv_write(FILE *f, const struct table *t, int bom)
{
	char buf[CELL_MAX];
	int i, j;

	if (bom)
		fputs("\xEF\xBB\xBF", f);
	for (j = 0; j < t->ncol; j++) {
		if (j)
			putc(',', f);
		csv_put(f, t->col[j].key ? t->col[j].key : "");
	}
	putc('\n', f);
	for (i = 0; i < t->nrow; i++) {
		if (t->row[i].kind != ROW_BODY)
			continue;
		for (j = 0; j < t->ncol; j++) {
			const struct table_cell *c = &t->row[i].cell[j];

			if (j)
				putc(',', f);
			if (c->kind == CELL_TEXT) {   /* whole, however long */
				csv_put(f, c->code ? c->code : c->text);
				continue;
			}
			table_cell_text(t, j, c, 0, buf, sizeof buf);
			csv_put(f, buf);
		}
		putc('\n', f);
	}
	return ferror(f) ? -1 : 0;
}
