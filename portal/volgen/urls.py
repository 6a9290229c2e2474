from django.urls import path

from portal.volgen import views

app_name = "volgen"

urlpatterns = [
    path("", views.aanmelden, name="aanmelden"),
    path("nieuwsbrief/", views.aanmelden, {"nieuwsbrief": True}, name="nieuwsbrief"),
    path("aangemeld/", views.aangemeld, name="aangemeld"),
    path("bevestigen/<str:token>/", views.bevestigen, name="bevestigen"),
    path("afmelden/<str:token>/", views.afmelden, name="afmelden"),
    path("beheren/<str:token>/", views.beheren, name="beheren"),
]
