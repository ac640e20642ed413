// Small wrappers over libedit's variadic C API, which Swift cannot call directly.
#ifndef CEDITLINE_SHIM_H
#define CEDITLINE_SHIM_H

#include <histedit.h>
#include <stdio.h>
#include <signal.h>
#include <errno.h>
#include <string.h>
#include <locale.h>
#include <sys/ioctl.h>
#include <unistd.h>

typedef const char *(*ce_prompt_fn)(EditLine *);
typedef unsigned char (*ce_command_fn)(EditLine *, int);

/// Opens an editor on the process's standard streams.
static inline EditLine *ce_init(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}

static inline void ce_set_prompt(EditLine *el, ce_prompt_fn fn) { el_set(el, EL_PROMPT, fn); }
static inline void ce_set_editor(EditLine *el, const char *mode) { el_set(el, EL_EDITOR, mode); }
static inline void ce_set_history(EditLine *el, History *h) { el_set(el, EL_HIST, history, h); }
static inline void ce_set_clientdata(EditLine *el, void *data) { el_set(el, EL_CLIENTDATA, data); }
static inline void *ce_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline void ce_add_function(EditLine *el, const char *name, const char *help, ce_command_fn fn) {
    el_set(el, EL_ADDFN, name, help, fn);
}
static inline void ce_bind(EditLine *el, const char *key, const char *function) {
    el_set(el, EL_BIND, key, function, NULL);
}
static inline void ce_source_default(EditLine *el) { el_source(el, NULL); }

static inline History *ce_history_init(int size) {
    History *h = history_init();
    HistEvent ev;
    history(h, &ev, H_SETSIZE, size);
    history(h, &ev, H_SETUNIQUE, 1);
    return h;
}
static inline void ce_history_enter(History *h, const char *line) {
    HistEvent ev;
    history(h, &ev, H_ENTER, line);
}
static inline int ce_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}
static inline int ce_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}

/// The text before the cursor in the current line, for completion.
static inline int ce_line_before_cursor(EditLine *el, char *buffer, int capacity) {
    const LineInfo *info = el_line(el);
    int length = (int)(info->cursor - info->buffer);
    if (length >= capacity) length = capacity - 1;
    if (length < 0) length = 0;
    memcpy(buffer, info->buffer, (size_t)length);
    buffer[length] = 0;
    return length;
}
static inline int ce_insert(EditLine *el, const char *text) { return el_insertstr(el, text); }

static inline int ce_errno(void) { return errno; }
static inline void ce_clear_errno(void) { errno = 0; }

/// Makes Ctrl-C interrupt a read (no SA_RESTART) so the line can be discarded.
static inline void ce_install_sigint(void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGINT, &action, NULL);
}
/// The editor told of window size changes; a resize of any other editor is ignored.
static EditLine *ce_resize_editor = NULL;
static inline void ce_on_sigwinch(int signo) {
    (void)signo;
    // What libedit's own handler does for SIGWINCH with EL_SIGNAL, which we can't use: it also
    // takes over SIGINT, so Ctrl-C would end the program instead of clearing the line.
    if (ce_resize_editor) el_resize(ce_resize_editor);
}
/// Re-reads the window size for `el` on each SIGWINCH. SA_RESTART keeps a read going, so a
/// resize never looks like Ctrl-C.
static inline void ce_install_sigwinch(EditLine *el) {
    ce_resize_editor = el;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = ce_on_sigwinch;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGWINCH, &action, NULL);
}
static inline void ce_resize(EditLine *el) { el_resize(el); }

/// The terminal's width in columns, or 0 when standard output is not a terminal.
static inline int ce_terminal_width(void) {
    struct winsize size;
    if (ioctl(1, TIOCGWINSZ, &size) == 0) return size.ws_col;
    return 0;
}
static inline void ce_setlocale(void) { setlocale(LC_CTYPE, ""); }
static inline FILE *ce_stdout(void) { return stdout; }
static inline FILE *ce_stderr(void) { return stderr; }
static inline FILE *ce_stdin(void) { return stdin; }

#endif
