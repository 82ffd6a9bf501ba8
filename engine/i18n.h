/* i18n.h - what a person reads, in Vietnamese by default or in English on
 * request: _("English text") gives the text in the language chosen, from
 * the catalogue engine/po/vi.po compiled into the binary (the C
 * convention of gettext's _() and a .po file, without depending on the
 * system's locales). Machine formats (csv, json) never go through it: their
 * codes and columns stay English. */
#ifndef NTM_I18N_H
#define NTM_I18N_H

enum { LANG_VI, LANG_EN };

/* Chooses the language: lang ("vi", "en"), else NTM_LANG, LANGUAGE,
 * LC_ALL, LC_MESSAGES, LANG, the first that names one (vi..., en...); else
 * Vietnamese. Returns -1 for a lang that is neither. */
int i18n_init(const char *lang);
int i18n_lang(void);
/* The text for msgid (its English) in the language chosen; msgid itself
 * when English or when the catalogue has no translation. format_arg: the
 * compiler checks a printf format given as _("...") against its arguments
 * as if it were the literal (tests/i18n/run checks each translation reads
 * the same arguments). */
const char *i18n_tr(const char *msgid) __attribute__((format_arg(1)));
#define _(s) i18n_tr(s)
/* A number already written with a decimal point (fmt_num, "%.1f"), as a
 * person reads it in the language chosen: in Vietnamese the point becomes
 * a comma. Returns num. */
char *i18n_decimal(char *num);

#endif
