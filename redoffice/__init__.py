"""RedOffice (社区红色工作台): the offline client for community offices.

Everything under this package except ``redoffice.ui`` is Qt-free: usable from scripts and the
CLI.
"""

__version__ = "0.2.0"
