#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image (the zip is
# unpacked into /autograder/source first). It needs an Ubuntu 22.04 or later base image
# (Python 3.10 or later): choose one in the assignment's autograder settings.
set -euo pipefail
apt-get update
apt-get install -y python3 python3-pip python3-venv
python3 -m venv /autograder/venv
/autograder/venv/bin/pip install -e /autograder/source
# Student code runs as this unprivileged user, as Gradescope advises, so that it cannot
# rewrite the autograder or the results it reports (see run_autograder).
id -u student >/dev/null 2>&1 || useradd --create-home --shell /usr/sbin/nologin student  # its home holds the grader's caches
