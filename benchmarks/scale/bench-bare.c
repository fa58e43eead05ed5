/* bench-bare.c: bench-scale's bare loops, our meeting documents' tables
 * drawn with Cairo and Pango alone
 *
 * What a programmer would write to draw the list of participants or the
 * agenda as our export draws them (sec-meeting-list-pages.c,
 * sec-meeting-agenda-pages.c, on the page engine sec-document*.c): the same
 * rows from SQL, the same cell texts (Pango markup), the same fonts, sizes,
 * greys, margins and columns; the running header, the footer with "Page N
 * of M", the heading and the paragraph before the table; the table's header
 * row repeated on each page; each cell laid out at its column's width with
 * the same wrapping; the rows placed by their height, with page breaks; a
 * group's heading (an agenda's day) kept with its first row and repeated
 * "(continued)" on a new page. Two passes, as "of M" needs: the pages are
 * counted, then drawn. Nothing of ours, and nothing we add to a bare
 * table: no tags, no links, no structure. What it does not do that ours
 * does: choose the columns' widths (ours measures every cell for that; the
 * widths here are those ours chose for bench-scale's data), share the
 * layout of equal cells, collate names in the document's language (the rows
 * come in the store's name order: the same rows, a few in another order),
 * and the cases this data has not (substitutes, breaks, muted rows, needs
 * written twice, a letterhead).
 */
#include "config.h"

#include <cairo-pdf.h>
#include <stdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "bench-bare.h"

#define MM (72.0 / 25.4)
#define PAGE_W (210.0 * MM)
#define PAGE_H (297.0 * MM)
#define SIDE (15.0 * MM)
#define TOP (12.0 * MM)
#define BOTTOM (12.0 * MM)
#define WIDTH (PAGE_W - 2 * SIDE)
#define PAD_X 4.5
#define PAD_Y 3.5
#define MAX_COLUMNS 6

typedef enum { BODY, SMALL, TH, GROUP, HEADING, PARAGRAPH, RUNNING, FOOTER, N_FONTS } Font;

static const struct {
  double      size;
  PangoWeight weight;
} fonts[N_FONTS] = {
  [BODY] = { 9.0, PANGO_WEIGHT_NORMAL },     [SMALL] = { 8.0, PANGO_WEIGHT_NORMAL },
  [TH] = { 8.0, PANGO_WEIGHT_BOLD },         [GROUP] = { 9.0, PANGO_WEIGHT_BOLD },
  [HEADING] = { 15.0, PANGO_WEIGHT_BOLD },   [PARAGRAPH] = { 9.5, PANGO_WEIGHT_NORMAL },
  [RUNNING] = { 8.5, PANGO_WEIGHT_NORMAL },  [FOOTER] = { 7.5, PANGO_WEIGHT_NORMAL },
};

typedef struct {
  const char *title;
  double      width;  /* points; 0: the rest */
  gboolean    end;    /* aligned to the right */
  Font        font;
} Column;

/* A row: a cell of markup per column (NULL: empty), or a group's heading
 * (cells[0]) and its heading continued (cells[1]). */
typedef struct {
  gboolean     group;
  char        *cells[MAX_COLUMNS];
  PangoLayout *layouts[MAX_COLUMNS];
  double       height, continued_height;
} Row;

typedef struct {
  const char   *header_left, *header_right, *footer, *heading, *before, *after;  /* markup */
  const Column *columns;
  guint         n_columns;
  GPtrArray    *rows;  /* Row */
  /* Laid out */
  PangoContext         *context;
  PangoFontDescription *fonts[N_FONTS];
  double                x[MAX_COLUMNS + 1], w[MAX_COLUMNS];
  PangoLayout          *frame[3], *blocks[3], *th[MAX_COLUMNS];
  double                header_h, top, bottom, th_h;
} Doc;

static void
row_free (Row *row)
{
  for (guint c = 0; c < MAX_COLUMNS; c++)
    {
      g_free (row->cells[c]);
      g_clear_object (&row->layouts[c]);
    }
  g_free (row);
}

static cairo_status_t
append (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static PangoLayout *
lay_out (Doc *d, Font font, const char *markup, double width, gboolean end)
{
  PangoLayout *layout = pango_layout_new (d->context);

  pango_layout_set_font_description (layout, d->fonts[font]);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_alignment (layout, end ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static double
height_of (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return pango_units_to_double (h);
}

/* Drawing: nothing when @cr is NULL (the pass that counts the pages). */
static void
show (cairo_t *cr, PangoLayout *layout, double x, double y, double grey)
{
  if (cr == NULL || layout == NULL)
    return;
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
rule (cairo_t *cr, double y, double width, double grey)
{
  if (cr == NULL)
    return;
  cairo_new_path (cr);
  cairo_move_to (cr, SIDE, y);
  cairo_line_to (cr, SIDE + WIDTH, y);
  cairo_set_line_width (cr, width);
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_stroke (cr);
}

static void
band (cairo_t *cr, double y, double height, double grey)
{
  if (cr == NULL)
    return;
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_rectangle (cr, SIDE, y, WIDTH, height);
  cairo_fill (cr);
}

/* The running header and the footer of page @page of @n_pages. */
static void
draw_frame (Doc *d, cairo_t *cr, guint page, guint n_pages)
{
  double footer_y = PAGE_H - BOTTOM - height_of (d->frame[2]);
  g_autofree char *number = NULL;
  PangoLayout *layout;

  if (cr == NULL)
    return;
  show (cr, d->frame[0], SIDE, TOP, 0.15);
  show (cr, d->frame[1], SIDE + WIDTH * 0.62 + 6, TOP, 0.15);
  rule (cr, TOP + d->header_h + 4, 0.6, 0.35);
  rule (cr, footer_y - 4, 0.6, 0.35);
  show (cr, d->frame[2], SIDE, footer_y, 0.3);
  number = g_strdup_printf ("Page %u of %u", page, n_pages);
  layout = lay_out (d, FOOTER, number, 88, TRUE);
  show (cr, layout, SIDE + WIDTH - 88, footer_y, 0.0);
  g_object_unref (layout);
}

static double
draw_table_header (Doc *d, cairo_t *cr, double y)
{
  band (cr, y, d->th_h, 0.89);
  for (guint c = 0; c < d->n_columns; c++)
    show (cr, d->th[c], d->x[c] + PAD_X, y + PAD_Y, 0.0);
  rule (cr, y + d->th_h, 0.9, 0.2);
  return y + d->th_h;
}

static double
draw_row (Doc *d, cairo_t *cr, Row *row, gboolean continued, double y)
{
  double height = continued ? row->continued_height : row->height;

  if (row->group)
    {
      band (cr, y, height, 0.95);
      show (cr, row->layouts[continued ? 1 : 0], SIDE + PAD_X, y + PAD_Y, 0.0);
      rule (cr, y + height, 0.6, 0.45);
    }
  else
    {
      for (guint c = 0; c < d->n_columns; c++)
        show (cr, row->layouts[c], d->x[c] + PAD_X, y + PAD_Y, 0.0);
      rule (cr, y + height, 0.4, 0.7);
    }
  return y + height;
}

/* Places (and with @cr draws) the pages; returns how many there are. */
static guint
flow (Doc *d, cairo_t *cr, guint n_pages)
{
  guint page = 1;
  double y = d->top;
  Row *group = NULL;

  draw_frame (d, cr, page, n_pages);
  show (cr, d->blocks[0], SIDE, y, 0.0);
  y += height_of (d->blocks[0]) + 6;
  show (cr, d->blocks[1], SIDE, y, 0.0);
  y += height_of (d->blocks[1]) + 5 + 4;
  y = draw_table_header (d, cr, y);
  for (guint r = 0; r < d->rows->len; r++)
    {
      Row *row = g_ptr_array_index (d->rows, r);
      Row *next = r + 1 < d->rows->len ? g_ptr_array_index (d->rows, r + 1) : NULL;
      /* A group's heading keeps its first row with it. */
      double need = row->height + (row->group && next && !next->group ? next->height : 0);

      if (y + need > d->bottom + 0.01)
        {
          if (cr)
            cairo_show_page (cr);
          draw_frame (d, cr, ++page, n_pages);
          y = draw_table_header (d, cr, d->top);
          if (!row->group && group != NULL)
            y = draw_row (d, cr, group, TRUE, y);
        }
      if (row->group)
        group = row;
      y = draw_row (d, cr, row, FALSE, y);
    }
  y += 12;
  if (d->blocks[2] != NULL)
    {
      if (y + height_of (d->blocks[2]) + 5 > d->bottom + 0.01)
        {
          if (cr)
            cairo_show_page (cr);
          draw_frame (d, cr, ++page, n_pages);
          y = d->top;
        }
      show (cr, d->blocks[2], SIDE, y, 0.0);
    }
  return page;
}

/* Lays out and draws @d: its PDF. */
static GBytes *
draw (Doc *d)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append, bytes, PAGE_W, PAGE_H);
  cairo_t *cr = cairo_create (surface);
  cairo_font_options_t *options = cairo_font_options_create ();
  double x = SIDE;
  guint n_pages;

  /* Points as Pango's units, unhinted: as ours. */
  d->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (d->context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (d->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (d->context, FALSE);
  for (guint f = 0; f < N_FONTS; f++)
    {
      d->fonts[f] = pango_font_description_from_string ("Cantarell, DejaVu Sans, sans-serif");
      pango_font_description_set_size (d->fonts[f], (int) (fonts[f].size * PANGO_SCALE));
      pango_font_description_set_weight (d->fonts[f], fonts[f].weight);
    }

  d->frame[0] = lay_out (d, RUNNING, d->header_left, WIDTH * 0.62 - 6, FALSE);
  d->frame[1] = lay_out (d, RUNNING, d->header_right, WIDTH * 0.38 - 6, TRUE);
  d->frame[2] = lay_out (d, FOOTER, d->footer, WIDTH - 90, FALSE);
  d->header_h = MAX (height_of (d->frame[0]), height_of (d->frame[1]));
  d->top = TOP + d->header_h + 4 + 14;
  d->bottom = PAGE_H - BOTTOM - height_of (d->frame[2]) - 4 - 12;
  d->blocks[0] = lay_out (d, HEADING, d->heading, WIDTH, FALSE);
  d->blocks[1] = lay_out (d, PARAGRAPH, d->before, WIDTH, FALSE);
  d->blocks[2] = d->after ? lay_out (d, PARAGRAPH, d->after, WIDTH, FALSE) : NULL;

  d->th_h = 0;
  for (guint c = 0; c < d->n_columns; c++)
    {
      d->x[c] = x;
      d->w[c] = d->columns[c].width > 0 ? d->columns[c].width : SIDE + WIDTH - x;
      x += d->w[c];
      d->th[c] = lay_out (d, TH, d->columns[c].title, d->w[c] - 2 * PAD_X, d->columns[c].end);
      d->th_h = MAX (d->th_h, height_of (d->th[c]) + 2 * PAD_Y);
    }
  for (guint r = 0; r < d->rows->len; r++)
    {
      Row *row = g_ptr_array_index (d->rows, r);

      if (row->group)
        {
          row->layouts[0] = lay_out (d, GROUP, row->cells[0], WIDTH - 2 * PAD_X, FALSE);
          row->layouts[1] = lay_out (d, GROUP, row->cells[1], WIDTH - 2 * PAD_X, FALSE);
          row->height = height_of (row->layouts[0]) + 2 * PAD_Y;
          row->continued_height = height_of (row->layouts[1]) + 2 * PAD_Y;
          continue;
        }
      for (guint c = 0; c < d->n_columns; c++)
        if (row->cells[c] != NULL && *row->cells[c])
          {
            row->layouts[c] = lay_out (d, d->columns[c].font, row->cells[c], d->w[c] - 2 * PAD_X,
                                       d->columns[c].end);
            row->height = MAX (row->height, height_of (row->layouts[c]) + 2 * PAD_Y);
          }
    }

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  n_pages = flow (d, NULL, 0);
  flow (d, cr, n_pages);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  for (guint i = 0; i < 3; i++)
    {
      g_clear_object (&d->frame[i]);
      g_clear_object (&d->blocks[i]);
    }
  for (guint c = 0; c < d->n_columns; c++)
    g_clear_object (&d->th[c]);
  for (guint f = 0; f < N_FONTS; f++)
    pango_font_description_free (d->fonts[f]);
  g_object_unref (d->context);
  return g_byte_array_free_to_bytes (bytes);
}

static sqlite3_stmt *
prepare (sqlite3 *db, const char *sql, gint64 meeting)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_bind_int64 (stmt, 1, meeting);
  return stmt;
}

static const char *
text (sqlite3_stmt *stmt, int column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* The meeting's running header and its "Generated on", as ours writes
 * them (in English); meeting_load ()'s @with_address: the venue with its
 * address, as the agenda gives it. */
typedef struct {
  char *left, *right, *generated, *period, *venue, *starts_at;
} Meeting;

static void
meeting_clear (Meeting *m)
{
  g_free (m->left);
  g_free (m->right);
  g_free (m->generated);
  g_free (m->period);
  g_free (m->venue);
  g_free (m->starts_at);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Meeting, meeting_clear)

/* "2012-01-05T09:00", the wall clock's time (GLib wants seconds). */
static GDateTime *
new_date (const char *iso)
{
  int y = 0, mo = 0, d = 0, h = 0, mi = 0;

  sscanf (iso, "%d-%d-%dT%d:%d", &y, &mo, &d, &h, &mi);
  return g_date_time_new_utc (y, mo, d, h, mi, 0);
}

static char *
dup_date (const char *iso, const char *format)
{
  g_autoptr(GDateTime) dt = new_date (iso);

  return g_date_time_format (dt, format);
}

static void
meeting_load (sqlite3 *db, gint64 meeting, gboolean with_address, Meeting *m)
{
  sqlite3_stmt *stmt = prepare (db, "SELECT m.title, m.starts_at, m.ends_at,"
                                " (SELECT group_concat(b.name, ' · ') FROM meeting_bodies mb"
                                "  JOIN bodies b ON b.id = mb.body_id WHERE mb.meeting_id = m.id),"
                                " m.venue, m.room, m.address FROM meetings m WHERE m.id = ?1", meeting);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GString) venue = g_string_new (NULL);
  g_autofree char *day = NULL;
  g_autofree char *when = g_date_time_format (now, "%-d %B %Y, %H:%M");

  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("no meeting %" G_GINT64_FORMAT, meeting);
  for (int c = 4; c <= (with_address ? 6 : 5); c++)
    if (text (stmt, c))
      g_string_append_printf (venue, "%s%s", venue->len ? ", " : "", text (stmt, c));
  day = dup_date (text (stmt, 1), "%A %-d %B %Y");
  m->starts_at = g_strdup (text (stmt, 1));
  m->period = g_strdup_printf ("%s, %.5s–%.5s", day, text (stmt, 1) + 11, text (stmt, 2) + 11);
  m->venue = g_string_free (g_steal_pointer (&venue), FALSE);
  m->left = text (stmt, 3) ? g_markup_printf_escaped ("<b>%s</b>\n%s", text (stmt, 0), text (stmt, 3))
                           : g_markup_printf_escaped ("<b>%s</b>", text (stmt, 0));
  m->right = g_markup_printf_escaped ("%s\n%s", m->period, m->venue);
  m->generated = g_strdup_printf ("Generated on %s", when);
  sqlite3_finalize (stmt);
}

/* English names of the countries of bench-scale's data. */
static const char *country_names[][2] = {
  { "BE", "Belgium" }, { "BG", "Bulgaria" }, { "CZ", "Czechia" }, { "DK", "Denmark" }, { "DE", "Germany" },
  { "EE", "Estonia" }, { "IE", "Ireland" }, { "GR", "Greece" }, { "ES", "Spain" }, { "FR", "France" },
  { "HR", "Croatia" }, { "IT", "Italy" }, { "CY", "Cyprus" }, { "LV", "Latvia" }, { "LT", "Lithuania" },
  { "LU", "Luxembourg" }, { "HU", "Hungary" }, { "MT", "Malta" }, { "NL", "Netherlands" }, { "AT", "Austria" },
  { "PL", "Poland" }, { "PT", "Portugal" }, { "RO", "Romania" }, { "SI", "Slovenia" }, { "SK", "Slovakia" },
  { "FI", "Finland" }, { "SE", "Sweden" }, { "NO", "Norway" }, { "UA", "Ukraine" }, { "AL", "Albania" },
  /* Roles (a participant's goes without saying) and statuses. */
  { "chair", "Chair" }, { "co-chair", "Co-chair" }, { "speaker", "Speaker" }, { "observer", "Observer" },
  { "organiser", "Organiser" }, { "invited", "Invited" }, { "registered", "Registered" },
  { "confirmed", "Confirmed" }, { "attended", "Attended" }, { "attended-remotely", "Attended remotely" },
  { "absent", "Absent" },
};

static const char *
label (const char *code)
{
  for (guint i = 0; code && i < G_N_ELEMENTS (country_names); i++)
    if (strcmp (country_names[i][0], code) == 0)
      return country_names[i][1];
  return code && strcmp (code, "participant") != 0 ? code : "";
}

GBytes *
bench_bare_participants (sqlite3 *db, gint64 meeting)
{
  static const Column columns[] = {
    { "No.", 32.90625, TRUE, BODY }, { "Name", 72.7373046875, FALSE, BODY },
    { "Organisation, country", 125.314453125, FALSE, BODY }, { "Role, status", 52.76171875, FALSE, SMALL },
    { "Contact", 126.05859375, FALSE, SMALL }, { "Needs", 0, FALSE, SMALL },
  };
  sqlite3_stmt *stmt = prepare (db, "SELECT p.title, p.given_name, p.family_name, o.name, o.acronym, o.country,"
                                " t.role, t.status, p.email, p.phone, t.needs, p.accessibility_needs, p.dietary_needs"
                                " FROM participants t JOIN people p ON p.id = t.person_id"
                                " LEFT JOIN organisations o ON o.id = coalesce(t.organisation_id, p.organisation_id)"
                                " WHERE t.meeting_id = ?1 AND t.status NOT IN ('declined', 'excused', 'replaced')"
                                " AND p.restricted = 0 ORDER BY p.sort_key", meeting);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_auto(Meeting) m = { 0 };
  g_autofree char *footer = NULL;
  g_autofree char *before = NULL;
  GBytes *pdf;
  Doc d = { 0 };

  meeting_load (db, meeting, FALSE, &m);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Row *row = g_new0 (Row, 1);
      const char *title = text (stmt, 0), *given = text (stmt, 1), *org = text (stmt, 3), *acronym = text (stmt, 4);
      const char *role = label (text (stmt, 6)), *email = text (stmt, 8), *phone = text (stmt, 9);
      g_autoptr(GString) needs = g_string_new (NULL);

      for (int c = 10; c <= 12; c++)
        if (text (stmt, c))
          g_string_append_printf (needs, "%s%s", needs->len ? "; " : "", text (stmt, c));
      row->cells[0] = g_strdup_printf ("%u", rows->len + 1);
      row->cells[1] = g_markup_printf_escaped ("%s%s%s%s<b>%s</b>", title ? title : "", title ? " " : "",
                                               given ? given : "", given ? " " : "", text (stmt, 2));
      if (org && acronym && strcmp (org, acronym) != 0)
        row->cells[2] = g_markup_printf_escaped ("%s (%s)\n<span size=\"small\" foreground=\"#505050\">%s</span>",
                                                 org, acronym, label (text (stmt, 5)));
      else
        row->cells[2] = g_markup_printf_escaped ("%s%s<span size=\"small\" foreground=\"#505050\">%s</span>",
                                                 org ? org : "", org ? "\n" : "", label (text (stmt, 5)));
      row->cells[3] = g_markup_printf_escaped ("%s%s<span foreground=\"#505050\">%s</span>", role, *role ? "\n" : "",
                                               label (text (stmt, 7)));
      row->cells[4] = g_markup_printf_escaped ("%s%s%s", email ? email : "", email && phone ? "\n" : "",
                                               phone ? phone : "");
      row->cells[5] = g_markup_escape_text (needs->str, -1);
      g_ptr_array_add (rows, row);
    }
  sqlite3_finalize (stmt);

  footer = g_markup_printf_escaped ("List of participants  ·  Internal version  ·  %s", m.generated);
  before = g_strdup_printf ("<b>Internal version</b>, with contact data and needs: not to be circulated.\n"
                            "Number of participants: %u", rows->len);
  d = (Doc) { m.left, m.right, footer, "List of participants", before, NULL, columns, G_N_ELEMENTS (columns), rows };
  pdf = draw (&d);
  return pdf;
}

GBytes *
bench_bare_agenda (sqlite3 *db, gint64 meeting)
{
  static const Column columns[] = { { "Time", 66.376953125, FALSE, BODY }, { "Item", 0, FALSE, BODY } };
  sqlite3_stmt *stmt = prepare (db, "SELECT title, description, duration FROM agenda_items"
                                " WHERE meeting_id = ?1 ORDER BY position", meeting);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_auto(Meeting) m = { 0 };
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *end = NULL;
  int day = -1, first_day;
  guint n = 0;
  GBytes *pdf;
  Doc d = { 0 };

  meeting_load (db, meeting, TRUE, &m);
  start = new_date (m.starts_at);
  first_day = g_date_time_get_day_of_year (start);
  /* The days are shown when the items go on to a second day: the total first. */
  {
    sqlite3_stmt *total = prepare (db, "SELECT sum(duration) FROM agenda_items WHERE meeting_id = ?1", meeting);
    g_autoptr(GDateTime) last = NULL;

    sqlite3_step (total);
    last = g_date_time_add_minutes (start, sqlite3_column_int (total, 0));
    end = g_date_time_format (last, "%H:%M");
    if (g_date_time_get_day_of_year (last) == first_day)
      day = first_day;
    sqlite3_finalize (total);
  }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GDateTime *next = g_date_time_add_minutes (start, sqlite3_column_int (stmt, 2));
      g_autofree char *from = g_date_time_format (start, "%H:%M");
      g_autofree char *to = g_date_time_format (next, "%H:%M");
      Row *row = g_new0 (Row, 1);

      if (g_date_time_get_day_of_year (start) != day)
        {
          Row *group = g_new0 (Row, 1);
          g_autofree char *date = g_date_time_format (start, "%A %-d %B %Y");

          day = g_date_time_get_day_of_year (start);
          group->group = TRUE;
          group->cells[0] = g_markup_escape_text (date, -1);
          group->cells[1] = g_markup_printf_escaped ("%s (continued)", date);
          g_ptr_array_add (rows, group);
        }
      row->cells[0] = g_strdup_printf ("%s–%s", from, to);
      if (text (stmt, 1))
        row->cells[1] = g_markup_printf_escaped ("<b>%u.  %s</b>\n<span size=\"small\">%s</span>", ++n,
                                                 text (stmt, 0), text (stmt, 1));
      else
        row->cells[1] = g_markup_printf_escaped ("<b>%u.  %s</b>", ++n, text (stmt, 0));
      g_ptr_array_add (rows, row);
      g_date_time_unref (start);
      start = next;
    }
  sqlite3_finalize (stmt);

  footer = g_markup_printf_escaped ("Agenda  ·  Draft  ·  %s", m.generated);
  before = g_markup_printf_escaped ("<b>Draft</b>\n%s\nVenue: %s", m.period, m.venue);
  after = g_strdup_printf ("Planned end: %s", end);
  d = (Doc) { m.left, m.right, footer, "Agenda", before, after, columns, G_N_ELEMENTS (columns), rows };
  pdf = draw (&d);
  return pdf;
}
