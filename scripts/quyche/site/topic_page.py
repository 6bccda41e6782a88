"""A cross-body topic page: one question asked of every regulation, a column each."""
from __future__ import annotations

from ..describe import actor_names
from ..topics import Topic, matrix
from .render import environment


def topic_html(site, links, topic: Topic) -> str:
    return environment().get_template("topic.html").render(
        topic=topic, cells=matrix(topic, site.texts), names=actor_names, url=links)
