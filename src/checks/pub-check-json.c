/* pub-check-json.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "pub-check-json.h"

#define MAX_DEPTH 512

typedef enum {
  S_VALUE,          /* a value must come */
  S_VALUE_OR_CLOSE, /* just after '[': a value or ']' */
  S_KEY_OR_CLOSE,   /* just after '{': a key or '}' */
  S_KEY,            /* after ',' in an object */
  S_COLON,
  S_AFTER_VALUE,    /* ',' or the container's close */
  S_STRING,
  S_ESCAPE,
  S_UNICODE,        /* inside \uXXXX */
  S_NUMBER,
  S_LITERAL,
  S_END,            /* the top value is complete: whitespace only */
  S_ERROR,
} State;

/* Number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
typedef enum {
  N_MINUS, N_ZERO, N_INT, N_DOT, N_FRAC, N_E, N_ESIGN, N_EXP,
} NumberState;

struct _PubJsonChecker
{
  CkanValidationReport *report;
  State                 state;
  gboolean              string_is_key;
  NumberState           number;
  const char           *literal;       /* "true", "false" or "null" */
  guint                 literal_pos;
  guint                 unicode_left;
  char                  stack[MAX_DEPTH];
  guint                 depth;
  gboolean              started;
  guint64               offset;
  guint64               line;
  guint64               n_items;
  gboolean              valid;
};

PubJsonChecker *
pub_json_checker_new (CkanValidationReport *report)
{
  PubJsonChecker *self = g_new0 (PubJsonChecker, 1);

  self->report = g_object_ref (report);
  self->state = S_VALUE;
  self->line = 1;
  self->valid = TRUE;
  return self;
}

void
pub_json_checker_free (PubJsonChecker *self)
{
  if (!self)
    return;
  g_object_unref (self->report);
  g_free (self);
}

guint64
pub_json_checker_get_n_items (PubJsonChecker *self)
{
  return self->n_items;
}

gboolean
pub_json_checker_get_valid (PubJsonChecker *self)
{
  return self->valid;
}

static void
fail (PubJsonChecker *self,
      const char     *reason)
{
  g_autofree char *message = g_strdup_printf (_("The JSON is malformed at line %llu: %s"),
                                              (unsigned long long) self->line, reason);
  CkanValidationError *error = ckan_validation_error_new ("format-error", 0, 0, NULL, NULL, message);

  error->byte_offset = (gint64) self->offset;
  ckan_validation_report_take_error (self->report, error);
  self->valid = FALSE;
  self->state = S_ERROR;
}

/* A value is complete: what may follow depends on the container. */
static void
value_done (PubJsonChecker *self)
{
  self->state = self->depth ? S_AFTER_VALUE : S_END;
}

/* A value starts with `c`; at depth 1 of a top-level list it is an item,
 * which must be a record. */
static void
start_value (PubJsonChecker *self,
             char            c)
{
  if (!c || !strchr ("[{\"-0123456789tfn", c))
    {
      fail (self, _("a value was expected"));
      return;
    }
  if (!self->started)
    {
      self->started = TRUE;
      if (c != '[')
        {
          ckan_validation_report_add_error (self->report, "format-error", 0, 0, NULL, NULL,
                                            _("The JSON file is not a list of records"));
          self->valid = FALSE;
        }
    }
  else if (self->depth == 1 && self->stack[0] == '[')
    {
      self->n_items++;
      if (c != '{')
        {
          ckan_validation_report_add_error (self->report, "format-error", (gint64) self->n_items, 0, NULL, NULL,
                                            _("This item of the list is not a record"));
          self->valid = FALSE;
        }
    }

  switch (c)
    {
    case '[':
    case '{':
      if (self->depth == MAX_DEPTH)
        {
          fail (self, _("values are nested too deeply"));
          return;
        }
      self->stack[self->depth++] = c;
      self->state = c == '[' ? S_VALUE_OR_CLOSE : S_KEY_OR_CLOSE;
      return;
    case '"':
      self->string_is_key = FALSE;
      self->state = S_STRING;
      return;
    case '-':
      self->number = N_MINUS;
      self->state = S_NUMBER;
      return;
    case '0':
      self->number = N_ZERO;
      self->state = S_NUMBER;
      return;
    case 't':
    case 'f':
    case 'n':
      self->literal = c == 't' ? "true" : c == 'f' ? "false" : "null";
      self->literal_pos = 1;
      self->state = S_LITERAL;
      return;
    default:
      if (c >= '1' && c <= '9')
        {
          self->number = N_INT;
          self->state = S_NUMBER;
          return;
        }
      fail (self, _("a value was expected"));
    }
}

static void
close_container (PubJsonChecker *self,
                 char            c)
{
  char open = c == ']' ? '[' : '{';

  if (!self->depth || self->stack[self->depth - 1] != open)
    {
      fail (self, _("a bracket closes something that is not open"));
      return;
    }
  self->depth--;
  value_done (self);
}

/* FALSE when `c` does not continue the number (which may then be done). */
static gboolean
number_char (PubJsonChecker *self,
             char            c)
{
  gboolean digit = c >= '0' && c <= '9';

  switch (self->number)
    {
    case N_MINUS:
      if (c == '0')
        self->number = N_ZERO;
      else if (digit)
        self->number = N_INT;
      else
        return FALSE;
      return TRUE;
    case N_ZERO:
    case N_INT:
      if (digit && self->number == N_INT)
        return TRUE;
      if (c == '.')
        self->number = N_DOT;
      else if (c == 'e' || c == 'E')
        self->number = N_E;
      else
        return FALSE;
      return TRUE;
    case N_DOT:
    case N_FRAC:
      if (digit)
        self->number = N_FRAC;
      else if ((c == 'e' || c == 'E') && self->number == N_FRAC)
        self->number = N_E;
      else
        return FALSE;
      return TRUE;
    case N_E:
      if (c == '+' || c == '-')
        self->number = N_ESIGN;
      else if (digit)
        self->number = N_EXP;
      else
        return FALSE;
      return TRUE;
    case N_ESIGN:
    case N_EXP:
      if (!digit)
        return FALSE;
      self->number = N_EXP;
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void
pub_json_checker_feed (PubJsonChecker *self,
                       const char     *data,
                       gsize           len)
{
  const char *p = data, *end = data + len;

  while (p < end && self->state != S_ERROR)
    {
      char c = *p;

      switch (self->state)
        {
        case S_STRING:
          {
            /* The common case: plain characters up to a quote or escape. */
            const char *s = p;

            while (p < end && *p != '"' && *p != '\\' && (guchar) *p >= 0x20)
              p++;
            self->offset += (guint64) (p - s);
            if (p == end)
              return;
            c = *p;
            if (c == '"')
              self->state = self->string_is_key ? S_COLON : S_AFTER_VALUE;
            else if (c == '\\')
              self->state = S_ESCAPE;
            else
              {
                fail (self, _("a text value holds a control character or a line break"));
                return;
              }
            if (self->state == S_AFTER_VALUE)
              value_done (self);
          }
          break;

        case S_ESCAPE:
          if (c == 'u')
            {
              self->unicode_left = 4;
              self->state = S_UNICODE;
            }
          else if (strchr ("\"\\/bfnrt", c) && c)
            self->state = S_STRING;
          else
            fail (self, _("a text value holds an unknown escape"));
          break;

        case S_UNICODE:
          if (!g_ascii_isxdigit (c))
            fail (self, _("a text value holds an unknown escape"));
          else if (!--self->unicode_left)
            self->state = S_STRING;
          break;

        case S_NUMBER:
          if (number_char (self, c))
            break;
          if (self->number == N_MINUS || self->number == N_DOT || self->number == N_E || self->number == N_ESIGN)
            {
              fail (self, _("a number is incomplete"));
              return;
            }
          value_done (self);
          continue;  /* c belongs to what follows the number */

        case S_LITERAL:
          if (c != self->literal[self->literal_pos])
            {
              fail (self, _("a word other than true, false or null"));
              return;
            }
          if (!self->literal[++self->literal_pos])
            value_done (self);
          break;

        case S_VALUE:
        case S_VALUE_OR_CLOSE:
          if (is_space (c))
            break;
          if (c == ']' && self->state == S_VALUE_OR_CLOSE)
            close_container (self, c);
          else
            start_value (self, c);
          break;

        case S_KEY_OR_CLOSE:
        case S_KEY:
          if (is_space (c))
            break;
          if (c == '}' && self->state == S_KEY_OR_CLOSE)
            close_container (self, c);
          else if (c == '"')
            {
              self->string_is_key = TRUE;
              self->state = S_STRING;
            }
          else
            fail (self, _("a key in quotes was expected"));
          break;

        case S_COLON:
          if (is_space (c))
            break;
          if (c == ':')
            self->state = S_VALUE;
          else
            fail (self, _("a colon was expected after a key"));
          break;

        case S_AFTER_VALUE:
          if (is_space (c))
            break;
          if (c == ',')
            self->state = self->stack[self->depth - 1] == '[' ? S_VALUE : S_KEY;
          else if (c == ']' || c == '}')
            close_container (self, c);
          else
            fail (self, _("a comma or a closing bracket was expected"));
          break;

        case S_END:
          if (!is_space (c))
            fail (self, _("there is more after the end of the data"));
          break;

        case S_ERROR:
        default:
          return;
        }

      if (c == '\n')
        self->line++;
      self->offset++;
      p++;
    }
}

void
pub_json_checker_finish (PubJsonChecker *self)
{
  if (self->state == S_NUMBER && (self->number == N_ZERO || self->number == N_INT ||
                                  self->number == N_FRAC || self->number == N_EXP))
    value_done (self);
  if (self->state == S_ERROR || self->state == S_END)
    return;
  if (!self->started)
    fail (self, _("the file holds no data"));
  else
    fail (self, _("the file ends before the data does: it may be cut short"));
}
