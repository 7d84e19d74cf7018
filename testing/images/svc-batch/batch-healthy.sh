#!/bin/sh
# Healthy when the batch job wrote its log in the last 30 seconds.
test -n "$(find /var/log/batch.log -newermt '-30 seconds' -print)"
