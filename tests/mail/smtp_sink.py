#!/usr/bin/python3
"""A real SMTP server for the letter tests (Debian's python3-aiosmtpd).

    smtp_sink.py PORT DIRECTORY

Listens on 127.0.0.1:PORT and writes each message it accepts to DIRECTORY as <n>.eml, with beside
it <n>.json (message_id, to, subject, text, html, attachment names) and each PDF attachment as
<n>.pdf. Files are written whole and renamed into place, so a reader never sees half of one.
Prints "ready" once listening; runs until killed. With SMTP_SINK_DELAY=<seconds> in the
environment, each message's data is held that long before it is written and answered (after a
<n>.receiving marker is written), so that a test can kill the sender mid-send.
"""

import asyncio
import email
import email.policy
import json
import os
import signal
import sys
import threading

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0
        self.lock = threading.Lock()

    def write(self, name, data):
        path = os.path.join(self.directory, name)
        with open(path + ".tmp", "wb") as out:
            out.write(data)
        os.rename(path + ".tmp", path)

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            n = f"{os.getpid()}-{self.count}"
        delay = float(os.environ.get("SMTP_SINK_DELAY", "0"))
        if delay > 0:
            self.write(f"{n}.receiving", b"")
            await asyncio.sleep(delay)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        summary = {
            "message_id": message["Message-ID"],
            "to": envelope.rcpt_tos,
            "subject": message["Subject"],
            "text": "",
            "html": "",
            "attachments": [],
        }
        for part in message.walk():
            kind = part.get_content_type()
            if part.get_filename():
                self.write(f"{n}.pdf", part.get_payload(decode=True))
                summary["attachments"].append({"name": part.get_filename(), "type": kind})
            elif kind == "text/plain":
                summary["text"] = part.get_content()
            elif kind == "text/html":
                summary["html"] = part.get_content()
        self.write(f"{n}.eml", envelope.content)
        self.write(f"{n}.json", json.dumps(summary).encode())
        return "250 OK"


def main():
    port = int(sys.argv[1])
    directory = sys.argv[2]
    controller = Controller(Sink(directory), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
