"""The mail backend when no mail server is configured: it logs that a message was not sent
(to whom, its subject) and never its body, which for a password reset holds a working link."""

import logging

from django.core.mail.backends.base import BaseEmailBackend

log = logging.getLogger("goodloop.mail")


class UnsentMailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        for message in email_messages:
            log.warning("mail to %s not sent (%r): no mail server is configured; set GOODLOOP_SMTP_HOST, "
                        "or GOODLOOP_RESET_LINKS_IN_LOG=1 to print such mails, links included, to this log",
                        ", ".join(message.to), message.subject)
        return 0
