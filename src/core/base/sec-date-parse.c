/* sec-date-parse.c: dates and times as staff type them
 *
 * A date is read as three parts (day, month, year) in any punctuation: a
 * leading four-digit year means ISO order; otherwise the day and the month
 * come in the order of the locale's own dates (found by formatting a known
 * date with "%x", so en_US reads 10/14/2027 and en_GB, fr, de and C
 * 14/10/2027); a month may also be named, in the locale's language or in
 * English, folded for case and accents. A weekday name is allowed and
 * ignored ("Thursday 14 October 2027": what the form shows can be typed
 * back). Whatever follows the third part is the time of day.
 */
#define G_LOG_DOMAIN "sec-format"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "core/base/sec-date-parse.h"
#include "core/base/sec-fold.h"
#include "core/base/sec-format.h"

typedef enum {
  ORDER_DMY,
  ORDER_MDY,
  ORDER_YMD,
} Order;

typedef enum {
  PART_NUMBER,
  PART_MONTH,
} PartType;

typedef struct {
  PartType type;
  int      value;    /* the number, or the month 1-12 */
  guint    digits;   /* how many digits the number had */
} Part;

static const char *const english_months[] = {
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
};

static const char *const english_weekdays[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

/* Helpers */

/* The order of day, month and year in the locale's short dates. Asked each
 * time: tests (and the user, in principle) change locales. The C locale's
 * month first is no one's choice (it is what an unset LANG gives): day
 * first there, as in most of the places the app is used. */
static Order
locale_order (void)
{
  g_autoptr(GDateTime) known = g_date_time_new_utc (2033, 11, 22, 0, 0, 0);
  g_autofree char *text = g_date_time_format (known, "%x");
  const char *locale = setlocale (LC_TIME, NULL);
  const char *day, *month, *year;

  if (locale == NULL || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX") ||
      g_str_has_prefix (locale, "C."))
    return ORDER_DMY;
  if (text == NULL)
    return ORDER_DMY;
  day = strstr (text, "22");
  month = strstr (text, "11");
  year = strstr (text, "33");
  if (day == NULL || month == NULL || year == NULL)
    return ORDER_DMY;
  if (year < month && year < day)
    return ORDER_YMD;
  if (month < day)
    return ORDER_MDY;
  return ORDER_DMY;
}

/* A name folded for comparison: no case, no accents, no final dot ("oct."). */
static char *
fold_name (const char *name)
{
  char *folded = sec_fold (name);
  gsize len = strlen (folded);

  while (len > 0 && (folded[len - 1] == '.' || folded[len - 1] == ' '))
    folded[--len] = '\0';
  return folded;
}

/* Whether @word names @name: the same, or at least three letters of it. */
static int
name_match (const char *word,
            const char *name)
{
  g_autofree char *folded = fold_name (name);

  if (*folded == '\0')
    return 0;
  if (g_str_equal (word, folded))
    return 2;
  if (strlen (word) >= 3 && g_str_has_prefix (folded, word))
    return 1;
  return 0;
}

/* 1-12 when @word (folded) names a month, 0 when not or when it is unclear
 * ("ju": June or July). An exact name wins over a beginning. */
static int
find_month (const char *word)
{
  static const char *const formats[] = { "%B", "%OB", "%b", "%Ob" };
  int exact = 0, prefix = 0;
  gboolean ambiguous = FALSE;

  for (int m = 1; m <= 12; m++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc (2001, m, 15, 0, 0, 0);
      int best = name_match (word, english_months[m - 1]);

      for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
        {
          g_autofree char *name = g_date_time_format (dt, formats[f]);
          if (name != NULL)
            best = MAX (best, name_match (word, name));
        }
      if (best == 2 && exact == 0)
        exact = m;
      else if (best == 1)
        {
          if (prefix != 0 && prefix != m)
            ambiguous = TRUE;
          prefix = m;
        }
    }
  if (exact != 0)
    return exact;
  return ambiguous ? 0 : prefix;
}

/* Whether @word (folded) names a day of the week. */
static gboolean
is_weekday (const char *word)
{
  for (int d = 0; d < 7; d++)
    {
      /* 2001-01-01 was a Monday. */
      g_autoptr(GDateTime) dt = g_date_time_new_utc (2001, 1, 1 + d, 0, 0, 0);
      g_autofree char *full = g_date_time_format (dt, "%A");
      g_autofree char *abbreviated = g_date_time_format (dt, "%a");

      if (name_match (word, english_weekdays[d]) ||
          (full && name_match (word, full)) ||
          (abbreviated && name_match (word, abbreviated)))
        return TRUE;
    }
  return FALSE;
}

/* The year of a number in the year's place: four digits as they are, two
 * digits in the 21st century up to 69 ("27" is 2027), else the 20th. */
static int
full_year (const Part *part)
{
  if (part->type != PART_NUMBER)
    return -1;
  if (part->digits == 4)
    return part->value;
  if (part->digits == 2)
    return part->value < 70 ? 2000 + part->value : 1900 + part->value;
  return -1;
}

static gboolean
day_or_month_number (const Part *part)
{
  return part->type == PART_NUMBER && part->digits <= 2;
}

/* Day, month and year from three parts; FALSE when they are not a date. */
static gboolean
read_parts (const Part *p,
            int        *day,
            int        *month,
            int        *year)
{
  int names = (p[0].type == PART_MONTH) + (p[1].type == PART_MONTH) + (p[2].type == PART_MONTH);

  *day = *month = *year = -1;

  if (names > 1)
    return FALSE;

  if (names == 1)
    {
      /* The two numbers are the day and the year; a four-digit one first
       * is the year ("2027 Oct 14"), else the day comes first. */
      const Part *numbers[2];
      guint n = 0;

      for (guint i = 0; i < 3; i++)
        {
          if (p[i].type == PART_MONTH)
            *month = p[i].value;
          else
            numbers[n++] = &p[i];
        }
      if (numbers[0]->digits == 4)
        {
          *year = full_year (numbers[0]);
          if (day_or_month_number (numbers[1]))
            *day = numbers[1]->value;
        }
      else if (day_or_month_number (numbers[0]))
        {
          *day = numbers[0]->value;
          *year = full_year (numbers[1]);
        }
    }
  else if (p[0].digits == 4)
    {
      /* ISO, whatever the locale. */
      *year = p[0].value;
      if (day_or_month_number (&p[1]) && day_or_month_number (&p[2]))
        {
          *month = p[1].value;
          *day = p[2].value;
        }
    }
  else
    {
      Order order = locale_order ();

      if (!day_or_month_number (&p[0]) || !day_or_month_number (&p[1]))
        return FALSE;
      /* A locale that writes the year first still has it last when it is
       * not a four-digit one ("14/10/27"): read day then month. */
      *day = order == ORDER_MDY ? p[1].value : p[0].value;
      *month = order == ORDER_MDY ? p[0].value : p[1].value;
      *year = full_year (&p[2]);
    }

  return *year >= 1 && *year <= 9999 && *month >= 1 && *month <= 12 && *day >= 1 &&
         g_date_valid_dmy ((GDateDay) *day, (GDateMonth) *month, (GDateYear) *year);
}

/* Public API */

/**
 * sec_parse_user_time:
 * @text: a time of day as typed
 *
 * Returns: (nullable) (transfer full): "HH:MM", or NULL
 */
char *
sec_parse_user_time (const char *text)
{
  g_autofree char *folded = NULL;
  char digits[5] = { 0 };
  guint n = 0, sep = 0, h, m;
  int half = 0;   /* 1 am, 2 pm */
  gsize len;

  if (text == NULL)
    return NULL;
  folded = g_ascii_strdown (text, -1);
  g_strstrip (folded);
  len = strlen (folded);
  /* "9:30 pm", "9.30am", "9 a.m." */
  if (len >= 2 && (g_str_has_suffix (folded, "am") || g_str_has_suffix (folded, "a.m.") ||
                   g_str_has_suffix (folded, "pm") || g_str_has_suffix (folded, "p.m.")))
    {
      gboolean dotted = g_str_has_suffix (folded, ".");
      half = folded[len - (dotted ? 4 : 2)] == 'a' ? 1 : 2;
      folded[len - (dotted ? 4 : 2)] = '\0';
      g_strstrip (folded);
    }

  for (const char *p = folded; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (n >= 4)
            return NULL;
          digits[n++] = *p;
        }
      else if ((*p == ':' || *p == '.' || *p == 'h') && sep == 0 && n > 0)
        sep = n;
      else if (!g_ascii_isspace (*p))
        return NULL;
    }

  if (n == 0)
    return NULL;
  if (sep == 0)
    /* Digits alone: one or two are the hour, three or four end with the
     * minutes. */
    sep = n <= 2 ? n : n - 2;
  if (sep > 2 || (n > sep && n - sep != 2))
    return NULL;

  m = n > sep ? (guint) g_ascii_strtoull (digits + sep, NULL, 10) : 0;
  digits[sep] = '\0';
  h = (guint) g_ascii_strtoull (digits, NULL, 10);
  if (half != 0)
    {
      if (h < 1 || h > 12)
        return NULL;
      h = h % 12 + (half == 2 ? 12 : 0);
    }
  if (h > 23 || m > 59)
    return NULL;
  return g_strdup_printf ("%02u:%02u", h, m);
}

/**
 * sec_parse_user_date:
 * @text: a date, and perhaps a time, as typed
 * @allow_time: whether a time of day may follow the date
 *
 * Returns: (nullable) (transfer full): "YYYY-MM-DD" or
 *   "YYYY-MM-DDTHH:MM", or NULL
 */
char *
sec_parse_user_date (const char *text,
                     gboolean    allow_time)
{
  Part parts[3];
  guint n = 0;
  const char *p, *rest = NULL;
  int day, month, year;
  g_autofree char *time = NULL;

  if (text == NULL)
    return NULL;

  for (p = text; *p != '\0' && n < 3; )
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        return NULL;

      if (g_ascii_isdigit (*p))
        {
          const char *start = p;
          guint digits = 0;

          while (g_ascii_isdigit (*p))
            p++, digits++;
          if (digits > 4)
            return NULL;
          parts[n].type = PART_NUMBER;
          parts[n].digits = digits;
          parts[n].value = (int) g_ascii_strtoll (start, NULL, 10);
          n++;
        }
      else if (g_unichar_isalpha (c))
        {
          const char *start = p;
          g_autofree char *word = NULL;
          g_autofree char *folded = NULL;
          int m;

          while (*p != '\0' && g_unichar_isalpha (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          /* "oct." is one word */
          if (*p == '.')
            p++;
          word = g_strndup (start, (gsize) (p - start));
          folded = fold_name (word);
          if ((m = find_month (folded)) != 0)
            {
              parts[n].type = PART_MONTH;
              parts[n].value = m;
              parts[n].digits = 0;
              n++;
            }
          else if (!is_weekday (folded))
            return NULL;
        }
      else
        p = g_utf8_next_char (p);
    }

  if (n < 3 || !read_parts (parts, &day, &month, &year))
    return NULL;

  /* What follows is the time: "T09:30", ", 9:30", " at 9.30". */
  rest = p;
  while (*rest == ' ' || *rest == ',' || *rest == '\t')
    rest++;
  if (*rest == 'T' || *rest == 't')
    rest++;
  else if (g_ascii_strncasecmp (rest, "at ", 3) == 0)
    rest += 3;
  while (*rest == ' ')
    rest++;

  if (*rest == '\0')
    return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  if (!allow_time || (time = sec_parse_user_time (rest)) == NULL)
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02dT%s", year, month, day, time);
}
