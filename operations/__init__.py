"""Running the site in production: what no page type owns but every deployment needs.

The health endpoint for load balancers, the Content-Security-Policy split between public pages
and the admin, the anonymous page cache and its invalidation on publish, CDN purges of related
pages, object-storage buckets, the scheduler that publishes scheduled pages, and backup/restore.
It has no models: it owns behaviour, not content.
"""
