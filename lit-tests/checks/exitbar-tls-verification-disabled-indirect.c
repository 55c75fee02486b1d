// RUN: %check_exitbar_tidy %s exitbar-tls-verification-disabled %t

// A program that loads its TLS library at run time and calls it through a
// table of pointers, each behind a macro named after the function (as web
// servers that load OpenSSL optionally do), or through a pointer from
// dlsym. No OpenSSL header is included: the macros are the API.

typedef struct ssl_ctx_st SSL_CTX;
typedef int (*verify_cb)(int, void *);
void *dlsym(void *handle, const char *name);

#define SSL_VERIFY_NONE 0
#define SSL_VERIFY_PEER 1

struct loaded_function {
  const char *name;
  void *ptr;
};

static struct loaded_function tls_api[] = {{"SSL_CTX_new", 0},
                                           {"SSL_CTX_set_verify", 0},
                                           {"SSL_CTX_set_options", 0},
                                           {0, 0}};

#define SSL_CTX_set_verify                                                     \
  (*(void (*)(SSL_CTX *, int, verify_cb))tls_api[1].ptr)
#define SSL_CTX_set_options (*(long (*)(SSL_CTX *, long, long))tls_api[2].ptr)

// --- Flagged ----------------------------------------------------------------

// The client's fallback, when no CA file is configured, turns verification
// off.
void connect_fallback(SSL_CTX *client_ctx, const char *ca_file) {
  if (ca_file != 0)
    return;
  SSL_CTX_set_verify(client_ctx, SSL_VERIFY_NONE, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'SSL_VERIFY_NONE' turns off verification of the peer's TLS certificate; use SSL_VERIFY_PEER with trusted CA certificates [exitbar-tls-verification-disabled]
}

// A choice the configuration makes is not flagged (see
// exitbar-tls-verification-disabled.cpp), through macros as directly.
void connect_configured(SSL_CTX *client_ctx, int verify_peer) {
  if (verify_peer)
    SSL_CTX_set_verify(client_ctx, SSL_VERIFY_PEER, 0);
  else
    SSL_CTX_set_verify(client_ctx, SSL_VERIFY_NONE, 0);
}

// A pointer looked up by name.
typedef void (*set_verify_fn)(SSL_CTX *, int, verify_cb);
void connect_dlsym(void *lib, SSL_CTX *client_ctx) {
  set_verify_fn set_verify = (set_verify_fn)dlsym(lib, "SSL_CTX_set_verify");
  set_verify(client_ctx, 0, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'SSL_VERIFY_NONE' turns off verification
}

// --- Not flagged ------------------------------------------------------------

void connect_strict(SSL_CTX *client_ctx) {
  SSL_CTX_set_verify(client_ctx, SSL_VERIFY_PEER, 0);
}

// Another function of the table with the same shape of arguments.
void set_options(SSL_CTX *client_ctx) {
  SSL_CTX_set_options(client_ctx, 0, 0);
}

// A pointer to another function looked up by name.
void other_lookup(void *lib, SSL_CTX *client_ctx) {
  set_verify_fn fn = (set_verify_fn)dlsym(lib, "SSL_CTX_set_verify_depth");
  fn(client_ctx, 0, 0);
}
