/* test-fold.c: case and accent folding, collation, formatting, countries */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/sec-countries.h"
#include "core/base/sec-fold.h"
#include "core/base/sec-format.h"

static void
test_fold (void)
{
  struct { const char *in, *out; } cases[] = {
    { "Łódź", "lodz" },
    { "Müller", "muller" },
    { "MÜLLER", "muller" },
    { "Ó Súilleabháin", "o suilleabhain" },
    { "Žilina", "zilina" },
    { "Škoda", "skoda" },
    { "Ελληνικό Ίδρυμα", "ελληνικο ιδρυμα" },
    { "Кирил", "кирил" },
    { "Straße", "strasse" },
    { "Ħal Għargħur", "hal gharghur" },
    { "  many   spaces\there ", "many spaces here" },
    { "Ø Æ Œ", "o ae oe" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = sec_fold (cases[i].in);
      g_assert_cmpstr (folded, ==, cases[i].out);
    }
  {
    g_autofree char *folded = sec_fold (NULL);
    g_assert_cmpstr (folded, ==, "");
  }
}

static int
compare_keys (const void *a, const void *b)
{
  g_autofree char *ka = sec_collate_key (*(const char **) a);
  g_autofree char *kb = sec_collate_key (*(const char **) b);

  return strcmp (ka, kb);
}

static void
check_order (const char **names, guint n)
{
  g_autofree const char **sorted = g_memdup2 (names, n * sizeof (char *));

  qsort (sorted, n, sizeof (char *), compare_keys);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (sorted[i], ==, names[i]);
}

static void
test_collate_locale (void)
{
  /* Already in order for en_US: accents and case do not send names to the end. */
  const char *names[] = { "Corvinus", "Łódź", "muller", "Müller", "Ó Súilleabháin", "Škoda", "Zagreb", "Žilina",
                          "Ελληνικό", "Кирил" };

  if (setlocale (LC_COLLATE, "en_US.UTF-8") == NULL)
    {
      g_test_skip ("the en_US.UTF-8 locale is not installed (locales-all)");
      return;
    }
  check_order (names, G_N_ELEMENTS (names));
}

static void
test_collate_c (void)
{
  /* In the C locale the folded text decides, so Ł is still among the L. */
  const char *names[] = { "Corvinus", "Łódź", "Mueller", "Müller", "Zagreb", "Ελληνικό", "Кирил" };
  g_autofree char *saved = g_strdup (setlocale (LC_COLLATE, NULL));

  setlocale (LC_COLLATE, "C");
  check_order (names, G_N_ELEMENTS (names));
  setlocale (LC_COLLATE, saved);
}

static void
test_format (void)
{
  g_autofree char *d = sec_format_date ("2018-06-13");
  g_autofree char *dt = sec_format_datetime ("2018-06-13T09:30");
  g_autofree char *same_day = sec_format_period ("2018-06-13T09:30", "2018-06-13T17:00");
  g_autofree char *two_days = sec_format_period ("2018-06-13T09:30", "2018-06-14T13:00");
  g_autofree char *bad = sec_format_date ("someday");
  g_autofree char *count = sec_format_count (1234567);
  g_autoptr(GDateTime) dt_bxl = sec_parse_datetime ("2018-04-25T23:59", "Europe/Brussels");
  g_autoptr(GDateTime) utc = g_date_time_to_utc (dt_bxl);

  g_assert_cmpstr (d, ==, "13 June 2018");
  g_assert_cmpstr (dt, ==, "13 June 2018, 09:30");
  g_assert_cmpstr (same_day, ==, "13 June 2018, 09:30 – 17:00");
  g_assert_cmpstr (two_days, ==, "13 June 2018, 09:30 – 14 June 2018, 13:00");
  g_assert_cmpstr (bad, ==, "someday");
  g_assert_cmpstr (count, ==, "1,234,567");
  /* Brussels is UTC+2 in summer time. */
  g_assert_cmpint (g_date_time_get_hour (utc), ==, 21);
  g_assert_null (sec_parse_datetime ("2018-02-30", NULL));
  g_assert_cmpint (sec_days_until (NULL, NULL), ==, 0);
  {
    g_autofree char *today = sec_today ();
    g_assert_cmpint (sec_days_until (today, NULL), ==, 0);
  }
}

static void
test_countries (void)
{
  guint n;
  const SecCountry *all = sec_countries (&n);
  const char *const *eu = sec_countries_eu ();

  /* The 249 of ISO 3166-1 and Kosovo (XK). */
  g_assert_cmpuint (n, ==, 250);
  g_assert_cmpstr (sec_country_name ("XK"), ==, "Kosovo");
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (strcmp (all[i - 1].code, all[i].code), <, 0);
  g_assert_cmpstr (sec_country_name ("MT"), ==, "Malta");
  g_assert_null (sec_country_name ("XX"));
  g_assert_null (sec_country_name ("mt"));
  g_assert_cmpuint (g_strv_length ((char **) eu), ==, 27);
  g_assert_cmpstr (eu[0], ==, "BE");
  g_assert_cmpstr (eu[7], ==, "GR");
  g_assert_cmpint (sec_country_eu_protocol_index ("SE"), ==, 26);
  g_assert_false (sec_country_is_eu ("NO"));
  for (guint i = 0; eu[i]; i++)
    g_assert_nonnull (sec_country_name (eu[i]));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fold/fold", test_fold);
  g_test_add_func ("/fold/collate-locale", test_collate_locale);
  g_test_add_func ("/fold/collate-c", test_collate_c);
  g_test_add_func ("/format/dates", test_format);
  g_test_add_func ("/countries/table", test_countries);

  return g_test_run ();
}
