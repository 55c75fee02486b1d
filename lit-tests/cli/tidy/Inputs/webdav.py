# webdav.py - starts or stops an nginx WebDAV server on a free loopback port for the remote cache tests
# SPDX-License-Identifier: Apache-2.0
"""webdav.py start DIR ROOT: nginx serving ROOT with GET and PUT (dav_methods
PUT) on 127.0.0.1 and a free port; prints the cache URL.
webdav.py stop DIR: stops it (also done by start, for a run that failed)."""
import os, signal, socket, subprocess, sys, time


def stop(d):
    pid_file = os.path.join(d, "nginx.pid")
    try:
        pid = int(open(pid_file).read())
        os.kill(pid, signal.SIGQUIT)
        for _ in range(100):
            os.kill(pid, 0)
            time.sleep(0.05)
    except (OSError, ValueError):
        pass


def start(d, root):
    stop(d)
    os.makedirs(os.path.join(d, "tmp"), exist_ok=True)
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    conf = os.path.join(d, "nginx.conf")
    user = "user root;" if os.geteuid() == 0 else ""
    with open(conf, "w") as f:
        f.write(f"""{user}
daemon on;
worker_processes 1;
pid {d}/nginx.pid;
error_log {d}/error.log;
events {{ worker_connections 64; }}
http {{
  access_log {d}/access.log;
  client_body_temp_path {d}/tmp;
  proxy_temp_path {d}/tmp;
  fastcgi_temp_path {d}/tmp;
  uwsgi_temp_path {d}/tmp;
  scgi_temp_path {d}/tmp;
  client_max_body_size 64m;
  server {{
    listen 127.0.0.1:{port};
    root {root};
    location / {{
      dav_methods PUT;
      create_full_put_path on;
    }}
  }}
}}
""")
    subprocess.run(["nginx", "-p", d, "-c", conf], check=True)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    print(f"http://127.0.0.1:{port}/exitbar")


if sys.argv[1] == "start":
    start(sys.argv[2], sys.argv[3])
else:
    stop(sys.argv[2])
