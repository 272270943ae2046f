"""Running the site in production: what no page type owns but every deployment needs.

The health endpoint for load balancers, the Content-Security-Policy split between public pages
and the admin, the anonymous page cache and its invalidation on publish, CDN purges of related
pages, object-storage buckets, backup/restore, and the background-work plumbing: the task
backend on RQ with its outbox (tasks_backend, outbox), the mail queue, the scheduler and its
periodic jobs (schedule), and the admin's failed-task report. Its models are that plumbing's
bookkeeping (models.py), never content.
"""
