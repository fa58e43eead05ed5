/* test-date-parse.c: dates and times as staff type them, in several locales */
#include "config.h"

#include <locale.h>

#include "core/base/sec-date-parse.h"
#include "core/base/sec-format.h"

typedef struct {
  const char *text;
  const char *expected;   /* NULL: refused */
} Case;

static void
check_cases (const Case *cases,
             guint       n,
             gboolean    allow_time)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *parsed = sec_parse_user_date (cases[i].text, allow_time);

      if (g_strcmp0 (parsed, cases[i].expected) != 0)
        g_error ("“%s” (locale %s, time %s): got %s, expected %s", cases[i].text,
                 setlocale (LC_ALL, NULL), allow_time ? "allowed" : "refused",
                 parsed ? parsed : "NULL", cases[i].expected ? cases[i].expected : "NULL");
    }
}

static gboolean
use_locale (const char *name)
{
  if (setlocale (LC_ALL, name) == NULL)
    {
      g_autofree char *message = g_strdup_printf ("the %s locale is not installed (locales-all)", name);
      g_test_skip (message);
      return FALSE;
    }
  return TRUE;
}

/* Forms read the same way in every locale. */
static const Case common_cases[] = {
  { "2027-10-14", "2027-10-14" },
  { " 2027-10-14 ", "2027-10-14" },
  { "2027/10/14", "2027-10-14" },
  { "2027-1-4", "2027-01-04" },
  { "14 Oct 2027", "2027-10-14" },
  { "14 October 2027", "2027-10-14" },
  { "14 october 2027", "2027-10-14" },
  { "14 OCT. 2027", "2027-10-14" },
  { "Oct 14 2027", "2027-10-14" },
  { "October 14, 2027", "2027-10-14" },
  { "14-Oct-2027", "2027-10-14" },
  { "Thursday 14 October 2027", "2027-10-14" },
  { "Thu, 14 Oct 2027", "2027-10-14" },
  { "29 Feb 2028", "2028-02-29" },
  /* refused */
  { "", NULL },
  { "14 Oct", NULL },
  { "2027", NULL },
  { "14/10", NULL },
  { "31/02/2027", NULL },
  { "29 Feb 2027", NULL },
  { "2027-02-30", NULL },
  { "2027-13-01", NULL },
  { "32/01/2027", NULL },
  { "0/01/2027", NULL },
  { "14 Ju 2027", NULL },          /* June or July */
  { "14 Foo 2027", NULL },
  { "14 Oct Nov 2027", NULL },
  { "14/10/202", NULL },
  { "14/10/20271", NULL },
  { "yesterday", NULL },
  { "14/10/2027 9:30", NULL },     /* a time, where none is allowed */
};

static const Case common_time_cases[] = {
  { "2027-10-14 09:30", "2027-10-14T09:30" },
  { "2027-10-14T09:30", "2027-10-14T09:30" },
  { "2027-10-14 9:30", "2027-10-14T09:30" },
  { "14 Oct 2027 9:30", "2027-10-14T09:30" },
  { "14 Oct 2027, 9.30", "2027-10-14T09:30" },
  { "14 Oct 2027 at 9h30", "2027-10-14T09:30" },
  { "Thursday 14 October 2027, 09:30", "2027-10-14T09:30" },
  { "14 Oct 2027 14:05", "2027-10-14T14:05" },
  { "14 Oct 2027 2:05 pm", "2027-10-14T14:05" },
  { "14 Oct 2027 12 am", "2027-10-14T00:00" },
  { "14 Oct 2027", "2027-10-14" },
  { "14 Oct 2027 24:00", NULL },
  { "14 Oct 2027 9:60", NULL },
  { "14 Oct 2027 soon", NULL },
  { "31 Feb 2027 9:30", NULL },
};

static void
test_times (void)
{
  static const struct { const char *text, *expected; } cases[] = {
    { "9:30", "09:30" }, { "09:30", "09:30" }, { "9.30", "09:30" }, { "9h30", "09:30" },
    { "930", "09:30" }, { "0930", "09:30" }, { "9", "09:00" }, { "23:59", "23:59" },
    { "0:00", "00:00" }, { "9:30 pm", "21:30" }, { "12:15 p.m.", "12:15" }, { "12 AM", "00:00" },
    { "24:00", NULL }, { "9:61", NULL }, { "9:3", NULL }, { "", NULL }, { "nine", NULL },
    { "13 pm", NULL }, { "12345", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *parsed = sec_parse_user_time (cases[i].text);
      g_assert_cmpstr (parsed, ==, cases[i].expected);
    }
}

static void
test_en_gb (void)
{
  static const Case cases[] = {
    { "14/10/2027", "2027-10-14" },
    { "14.10.2027", "2027-10-14" },
    { "14-10-2027", "2027-10-14" },
    { "4/1/2027", "2027-01-04" },
    { "14/10/27", "2027-10-14" },
    { "14/10/99", "1999-10-14" },
    { "10/14/2027", NULL },
  };

  if (!use_locale ("en_GB.UTF-8"))
    return;
  check_cases (cases, G_N_ELEMENTS (cases), FALSE);
  check_cases (common_cases, G_N_ELEMENTS (common_cases), FALSE);
  check_cases (common_time_cases, G_N_ELEMENTS (common_time_cases), TRUE);
  {
    static const Case timed[] = {
      { "14/10/2027 9:30", "2027-10-14T09:30" },
      { "14.10.2027 9.30", "2027-10-14T09:30" },
      { "14/10/2027 09:30", "2027-10-14T09:30" },
    };
    check_cases (timed, G_N_ELEMENTS (timed), TRUE);
  }
}

static void
test_en_us (void)
{
  static const Case cases[] = {
    { "10/14/2027", "2027-10-14" },
    { "1/4/2027", "2027-01-04" },
    { "10/14/27", "2027-10-14" },
    { "14/10/2027", NULL },
    /* ISO and named months do not depend on the order */
    { "2027-10-14", "2027-10-14" },
    { "14 Oct 2027", "2027-10-14" },
  };

  if (!use_locale ("en_US.UTF-8"))
    return;
  check_cases (cases, G_N_ELEMENTS (cases), FALSE);
  check_cases (common_cases, G_N_ELEMENTS (common_cases), FALSE);
  check_cases (common_time_cases, G_N_ELEMENTS (common_time_cases), TRUE);
}

static void
test_fr_fr (void)
{
  static const Case cases[] = {
    { "14/10/2027", "2027-10-14" },
    { "14 octobre 2027", "2027-10-14" },
    { "14 oct. 2027", "2027-10-14" },
    { "1 février 2028", "2028-02-01" },
    { "1 fevrier 2028", "2028-02-01" },
    { "1 FÉVR. 2028", "2028-02-01" },
    { "3 août 2027", "2027-08-03" },
    { "3 aout 2027", "2027-08-03" },
    { "14 juin 2027", "2027-06-14" },
    { "14 juillet 2027", "2027-07-14" },
    { "jeudi 14 octobre 2027", "2027-10-14" },
    { "10/14/2027", NULL },
  };

  if (!use_locale ("fr_FR.UTF-8"))
    return;
  check_cases (cases, G_N_ELEMENTS (cases), FALSE);
  check_cases (common_cases, G_N_ELEMENTS (common_cases), FALSE);
  {
    static const Case timed[] = {
      { "14/10/2027 9h30", "2027-10-14T09:30" },
      { "jeudi 14 octobre 2027 à 9:30", NULL },  /* "à" is not read */
      { "14 octobre 2027 14:30", "2027-10-14T14:30" },
    };
    check_cases (timed, G_N_ELEMENTS (timed), TRUE);
  }
}

static void
test_de_de (void)
{
  static const Case cases[] = {
    { "14.10.2027", "2027-10-14" },
    { "14.10.27", "2027-10-14" },
    { "14. Oktober 2027", "2027-10-14" },
    { "3. März 2027", "2027-03-03" },
    { "3. Marz 2027", "2027-03-03" },
    { "3 Mär 2027", "2027-03-03" },
    { "Donnerstag, 14. Oktober 2027", "2027-10-14" },
    { "14 Dez 2027", "2027-12-14" },
    { "10.14.2027", NULL },
  };

  if (!use_locale ("de_DE.UTF-8"))
    return;
  check_cases (cases, G_N_ELEMENTS (cases), FALSE);
  check_cases (common_cases, G_N_ELEMENTS (common_cases), FALSE);
  {
    static const Case timed[] = {
      { "14.10.2027 9:30", "2027-10-14T09:30" },
      { "14.10.2027 9.30", "2027-10-14T09:30" },
    };
    check_cases (timed, G_N_ELEMENTS (timed), TRUE);
  }
}

static void
test_c (void)
{
  static const Case cases[] = {
    /* Not the C locale's month first: no one chose it. */
    { "14/10/2027", "2027-10-14" },
    { "10/14/2027", NULL },
  };

  if (!use_locale ("C"))
    return;
  check_cases (cases, G_N_ELEMENTS (cases), FALSE);
  check_cases (common_cases, G_N_ELEMENTS (common_cases), FALSE);
  check_cases (common_time_cases, G_N_ELEMENTS (common_time_cases), TRUE);
}

static void
test_format_long (void)
{
  if (!use_locale ("en_GB.UTF-8"))
    return;
  {
    g_autofree char *date = sec_format_date_long ("2027-10-14");
    g_autofree char *datetime = sec_format_date_long ("2027-10-14T09:30");
    g_autofree char *empty = sec_format_date_long (NULL);
    g_autofree char *other = sec_format_date_long ("soon");

    g_assert_cmpstr (date, ==, "Thursday 14 October 2027");
    g_assert_cmpstr (datetime, ==, "Thursday 14 October 2027, 09:30");
    g_assert_cmpstr (empty, ==, "");
    g_assert_cmpstr (other, ==, "soon");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* The messages are ours, untranslated; only the locale's dates change. */
  g_setenv ("LANGUAGE", "C", TRUE);

  g_test_add_func ("/date-parse/times", test_times);
  g_test_add_func ("/date-parse/en_GB", test_en_gb);
  g_test_add_func ("/date-parse/en_US", test_en_us);
  g_test_add_func ("/date-parse/fr_FR", test_fr_fr);
  g_test_add_func ("/date-parse/de_DE", test_de_de);
  g_test_add_func ("/date-parse/C", test_c);
  g_test_add_func ("/date-parse/format-long", test_format_long);

  return g_test_run ();
}
